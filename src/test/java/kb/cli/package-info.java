/**
 * Tests of kb.cli, the last step of the flow: each command run in process through {@link kb.cli.KbRun} (the real
 * command line with its output and exit code captured), for its messages, exit codes and corpus binding.
 */
package kb.cli;
