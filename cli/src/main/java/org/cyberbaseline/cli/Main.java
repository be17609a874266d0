package org.cyberbaseline.cli;

import java.io.Console;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code cyber-baseline} command line. {@link #run} does all the work and never
 * exits the JVM, so tests call it directly; {@link #main} only turns its result into the exit code.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs with the process's streams and environment; returns the exit code. */
  public static int run(String[] args) {
    Console console = System.console();
    Charset charset = console != null ? console.charset() : StandardCharsets.UTF_8;
    return run(args, System.out, System.err, System.getenv(), charset, console != null);
  }

  /** Runs with the given streams (written as UTF-8) and environment; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, env, StandardCharsets.UTF_8, false);
  }

  /** As {@link #run(String[], PrintStream, PrintStream, Map)}, as if on a terminal when {@code interactive}. */
  static int run(String[] args, OutputStream out, OutputStream err, Map<String, String> env, boolean interactive) {
    return run(args, out, err, env, StandardCharsets.UTF_8, interactive);
  }

  private static int run(
      String[] args, OutputStream out, OutputStream err, Map<String, String> env, Charset charset, boolean interactive) {
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, charset), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, charset), true);
    try {
      return commandLine(new Io(outWriter, errWriter, Map.copyOf(env), interactive)).execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /** The command tree, wired to {@code io}. */
  static CommandLine commandLine(Io io) {
    CommandLine rules =
        new CommandLine(new RulesCommand())
            .addSubcommand(new RulesListCommand(io))
            .addSubcommand(new RulesShowCommand(io));
    CommandLine root =
        new CommandLine(new CyberBaselineCommand(io))
            .addSubcommand(new ValidateCommand(io))
            .addSubcommand(rules)
            .addSubcommand(
                new CommandLine(new BaselinesCommand(io))
                    .addSubcommand(new BaselinesListCommand(io))
                    .addSubcommand(new BaselinesDiffCommand(io)))
            .addSubcommand(new CommandLine(new DqiCommand()).addSubcommand(new DqiProbeCommand(io)))
            .addSubcommand(new ExplainCommand(io))
            .addSubcommand(new CompletionCommand(io))
            .addSubcommand(new CommandLine.HelpCommand());
    root.setOut(io.out());
    root.setErr(io.err());
    root.setDefaultValueProvider(
        argument ->
            argument.isOption() && "--baseline".equals(((CommandLine.Model.OptionSpec) argument).longestName())
                ? org.cyberbaseline.validator.Validator.DEFAULT_BASELINE_ID
                : null);
    root.setParameterExceptionHandler(Main::usageError);
    root.setExecutionExceptionHandler(executionError(io));
    return root;
  }

  /** A command line that does not parse: one line saying why, plus where to get help. */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static IExecutionExceptionHandler executionError(Io io) {
    return (Exception e, CommandLine command, ParseResult parseResult) -> {
      PrintWriter err = io.err();
      String name = command.getCommandSpec().qualifiedName();
      boolean verbose = verbose(parseResult);
      int code;
      if (e instanceof CliException cli) {
        err.println(name + ": " + cli.getMessage());
        code = cli.exitCode();
      } else {
        err.println(name + ": internal error: " + e
            + (verbose ? "" : " (run again with --verbose for the stack trace, and please report it)"));
        code = ExitCodes.INTERNAL;
      }
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return code;
    };
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(VerboseOption.NAME)) {
        return true;
      }
    }
    return false;
  }
}
