package org.cyberbaseline.cli;

import java.io.PrintWriter;
import java.util.Map;

/** What a command may touch outside its arguments: its two output streams and the environment. */
record Io(PrintWriter out, PrintWriter err, Map<String, String> env) {}
