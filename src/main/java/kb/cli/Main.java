package kb.cli;

import kb.index.CorpusMismatchException;
import kb.search.BadQueryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kb} command: one subcommand per job. Exit codes: 0 ok, 1 failure, 2 usage. */
@Command(
        name = "kb",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A searchable knowledge base: index a corpus of articles by passage, then search it.",
        subcommands = {IndexCommand.class, SearchCommand.class, ServeCommand.class, EvalCommand.class, BenchCommand.class,
                CheckCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Held so the level set in {@link #main} sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    public static void main(String[] args) {
        // Lucene announces at INFO which directory implementation it picked (Java 21+); keep the CLI's output clean.
        LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for {@code main} and for tests that call {@code execute} with captured output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new PlainErrors());
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: say which, e.g. `kb index` or `kb search NMDA`.");
    }

    /**
     * Prints a failure as one plain line, {@code kb COMMAND: message}, instead of a stack trace, and exits 1; or 2
     * when the input is what must change: a query kb cannot run ({@link BadQueryException}) or a corpus the index
     * was not built from ({@link CorpusMismatchException}). The commands let these through rather than each
     * catching them.
     */
    static final class PlainErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            cmd.getErr().println("kb " + cmd.getCommandName() + ": " + message);
            return e instanceof BadQueryException || e instanceof CorpusMismatchException ? 2 : 1;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"kb " + (v == null ? "(development build)" : v)};
        }
    }
}
