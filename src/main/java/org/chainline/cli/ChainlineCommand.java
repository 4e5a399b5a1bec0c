package org.chainline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The command line of the one jar: {@code serve}, {@code users}, {@code journal}, {@code graph}. */
@Command(name = "chainline",
        mixinStandardHelpOptions = true,
        versionProvider = ChainlineCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Chainline turns evidence of state violence into sanctions-ready dossiers.",
        description = {"%nEvery command works on one data directory (default ./data, or CHAINLINE_DATA_DIR) that"
                + " holds the embedded PostgreSQL and Neo4j stores and the keys. A directory is used by one process"
                + " at a time: stop 'serve' before running another command on the same directory.%n"},
        commandListHeading = "%nCommands:%n",
        footer = {"%nStart with 'chainline serve', then open the API documentation at",
                "  http://localhost:8080/swagger-ui/index.html"},
        subcommands = {DemoCommand.class, ServeCommand.class, ImportCommand.class, EvidenceCommand.class, DossierCommand.class, UsersCommand.class, CasesCommand.class, JournalCommand.class, GraphCommand.class,
                SanctionsCommand.class, FtmCommand.class,
                CommandLine.HelpCommand.class})
public final class ChainlineCommand implements Runnable {

    /** What {@code serve} returns: the process keeps running until it is stopped. */
    public static final int KEEP_RUNNING = -1;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (default: ./data, or the CHAINLINE_DATA_DIR environment variable).")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line and answers its exit code, or {@link #KEEP_RUNNING} for a running server. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new ChainlineCommand());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String understood = StartupFailure.understood(e);
            if (understood == null) {
                commandLine.getErr().println("chainline: unexpected failure; please report it with this trace:");
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("chainline: " + understood);
            }
            return 1;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ChainlineCommand.class.getPackage().getImplementationVersion();
            return new String[]{"Chainline " + (v == null ? "(development build)" : v)};
        }
    }
}
