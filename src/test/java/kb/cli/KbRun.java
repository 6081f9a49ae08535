package kb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code kb} command line in process, as tests do, capturing its output and exit code. */
public record KbRun(int code, String out, String err) {

    public static KbRun kb(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new KbRun(code, out.toString(), err.toString());
    }
}
