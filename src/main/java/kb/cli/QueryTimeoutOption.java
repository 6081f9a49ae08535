package kb.cli;

import java.time.Duration;
import picocli.CommandLine;

/**
 * {@code --query-timeout SECONDS} for the commands that search: a positive number of seconds ({@code 2},
 * {@code 0.5}); anything else is a usage error (exit 2), not a failure.
 */
final class QueryTimeoutOption implements CommandLine.ITypeConverter<Duration> {
    static final String DESCRIPTION = "Stop a search that runs longer than this many seconds (default: ${DEFAULT-VALUE}).";

    @Override
    public Duration convert(String value) {
        double seconds;
        try {
            seconds = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("--query-timeout takes seconds, e.g. 2 or 0.5, not " + value);
        }
        if (!(seconds >= 0.001 && seconds <= 3600)) {
            throw new CommandLine.TypeConversionException("--query-timeout must be between 0.001 and 3600 seconds, not " + value);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
