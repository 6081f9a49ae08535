package kb.cli;

import java.util.concurrent.Callable;
import kb.index.IndexCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kb check}: is the index readable? Exit 0 healthy, 1 damaged (or no index), 2 usage. Never changes it. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that the index can be read (Lucene's CheckIndex, read-only), and say what to do if not."})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    IndexOption folder;

    @Override
    public Integer call() throws Exception {
        IndexCheck.Result result = IndexCheck.check(folder.index);
        if (result.healthy()) {
            spec.commandLine().getOut().println(result.message());
            return 0;
        }
        spec.commandLine().getErr().println("kb check: " + result.message());
        return 1;
    }
}
