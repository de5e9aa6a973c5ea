package io.filnode.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code filnode} command line. Subcommands follow Lotus's; each one lives in its own class and
 * is registered here.
 */
@Command(
    name = "filnode",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "A Filecoin full node in Java.",
    subcommands = {
      VersionCommand.class,
      ToolCommand.class,
      NetCommand.class,
      LogCommand.class,
      CarCommand.class,
      StateCommand.class,
      DaemonCommand.class,
      DevnetCommand.class,
      ChainCommand.class,
      WalletCommand.class,
      MpoolCommand.class,
      SendCommand.class,
      AuthCommand.class,
      ConformanceCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Builds the command line with the shared error handling: one clear line and exit 1. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    addHelpOptions(cl);
    cl.setExecutionExceptionHandler(new CliErrors());
    return cl;
  }

  /** Every command answers {@code -h}/{@code --help}, whether or not its class asked for it. */
  private static void addHelpOptions(CommandLine cl) {
    CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
    if (spec.findOption("--help") == null) {
      spec.mixinStandardHelpOptions(true);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      addHelpOptions(sub);
    }
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
