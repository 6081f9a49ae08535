package kb.testing;

import java.util.Random;

/**
 * The seed of one randomised test, handed to it by {@link SeedExtension}: every random choice the test makes comes
 * from {@link #random()}, so the seed (printed before the test runs) replays it exactly.
 */
public record TestSeed(long value) {
    /** A new generator from this seed; each call starts the same sequence again. */
    public Random random() {
        return new Random(value);
    }

    /** {@code "seed N"}, for assertion messages and printed figures. */
    @Override
    public String toString() {
        return "seed " + value;
    }
}
