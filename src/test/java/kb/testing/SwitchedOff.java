package kb.testing;

import java.util.function.Supplier;
import kb.meaning.Meaning;

/** Runs test code with search by meaning switched off ({@link Meaning#UNAVAILABLE_PROPERTY}), then puts the property back as it was. */
public final class SwitchedOff {
    private SwitchedOff() {}

    public static <T> T meaning(Supplier<T> body) {
        String before = System.getProperty(Meaning.UNAVAILABLE_PROPERTY);
        System.setProperty(Meaning.UNAVAILABLE_PROPERTY, "true");
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(Meaning.UNAVAILABLE_PROPERTY);
            } else {
                System.setProperty(Meaning.UNAVAILABLE_PROPERTY, before);
            }
        }
    }
}
