package kb.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * A sentence {@link BreakIterator} that asks the JDK's once per text: {@link #setText} walks the JDK iterator
 * forwards to the end and keeps every boundary, and every later move is a lookup in them. The highlighter asks
 * {@code preceding} and {@code following} around each match, and the JDK's rule-based iterator answers
 * {@code preceding} by backing up and re-running its rules, which cost as much as the rest of the marking; a forward
 * walk finds the same boundaries, once. Not thread-safe, like every break iterator.
 */
final class SentenceBoundaries extends BreakIterator {
    private final BreakIterator jdk;
    private String text = "";
    private int[] bounds = {0};
    private int count = 1;
    /** Index into {@link #bounds} of the current boundary. */
    private int at;

    SentenceBoundaries(BreakIterator jdk) {
        this.jdk = jdk;
    }

    @Override
    public void setText(String newText) {
        text = newText;
        jdk.setText(newText);
        if (bounds.length < 16) {
            bounds = new int[16];
        }
        count = 0;
        for (int b = jdk.first(); b != DONE; b = jdk.next()) {
            if (count == bounds.length) {
                bounds = Arrays.copyOf(bounds, count * 2);
            }
            bounds[count++] = b;
        }
        at = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            sb.append(c);
        }
        setText(sb.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public int first() {
        at = 0;
        return bounds[0];
    }

    @Override
    public int last() {
        at = count - 1;
        return bounds[at];
    }

    @Override
    public int next(int n) {
        int to = at + n;
        if (to < 0 || to >= count) {
            at = to < 0 ? 0 : count - 1;
            return DONE;
        }
        at = to;
        return bounds[at];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        // The first boundary after offset.
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        int after = i >= 0 ? i + 1 : -i - 1;
        if (after >= count) {
            at = count - 1;
            return DONE;
        }
        at = after;
        return bounds[at];
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        // The last boundary before offset.
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        int before = (i >= 0 ? i : -i - 1) - 1;
        if (before < 0) {
            at = 0;
            return DONE;
        }
        at = before;
        return bounds[at];
    }

    @Override
    public boolean isBoundary(int offset) {
        checkOffset(offset);
        int i = Arrays.binarySearch(bounds, 0, count, offset);
        if (i >= 0) {
            at = i;
            return true;
        }
        following(offset);
        return false;
    }

    @Override
    public int current() {
        return bounds[at];
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside the text (0 to " + text.length() + ")");
        }
    }
}
