package org.cyberbaseline.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command may touch outside its arguments: its two output streams and the environment.
 *
 * @param interactive whether a person is watching a terminal ({@code System.console() != null}); only
 *     then is progress shown on stderr
 */
record Io(PrintWriter out, PrintWriter err, Map<String, String> env, boolean interactive) {}
