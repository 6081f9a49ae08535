package kb.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One text run once through the prose chain of {@link Analyzers}, its tokens kept: each token's unstemmed form (what
 * {@link Analyzers#exact()} gives) and its stemmed form ({@link Analyzers#english()}), with position increments and
 * offsets. A field replays the tokens instead of analysing its text again ({@link #stemmed()}, {@link #unstemmed()},
 * {@link #concat}), so a passage's text is analysed once for {@link Fields#TEXT}, {@link Fields#TEXT_EXACT} and its
 * share of {@link Fields#ARTICLE_TEXT}. The rule: a replay gives the index exactly the tokens the field's analyzer
 * would give for the same string ({@code AnalysedTextTest} compares the postings).
 */
final class AnalysedText {
    private final char[] exact;
    private final char[] stems;
    /** Per token: where its unstemmed and stemmed forms start (one more entry: the end). */
    private final int[] exactStart;
    private final int[] stemStart;
    private final int[] posInc;
    private final int[] startOffset;
    private final int[] endOffset;
    private final int size;
    /** The position increment and offset the stream reports at its end (stop words after the last token). */
    private final int finalPosInc;
    private final int length;

    private AnalysedText(Capture c, int finalPosInc, int length) {
        this.exact = Arrays.copyOf(c.exact, c.exactUsed);
        this.stems = Arrays.copyOf(c.stems, c.stemsUsed);
        this.exactStart = Arrays.copyOf(c.exactStart, c.size + 1);
        this.stemStart = Arrays.copyOf(c.stemStart, c.size + 1);
        this.posInc = Arrays.copyOf(c.posInc, c.size);
        this.startOffset = Arrays.copyOf(c.startOffset, c.size);
        this.endOffset = Arrays.copyOf(c.endOffset, c.size);
        this.size = c.size;
        this.finalPosInc = finalPosInc;
        this.length = length;
    }

    /** The tokens as {@link Analyzers#english()} gives them, offsets included. */
    TokenStream stemmed() {
        return concat(List.of(this), new int[] {0}, true, length);
    }

    /** The tokens as {@link Analyzers#exact()} gives them. */
    TokenStream unstemmed() {
        return concat(List.of(this), new int[] {0}, false, length);
    }

    /**
     * The tokens of several texts as the analyzer gives them for the texts joined by separators that hold no token
     * (" \n "): {@code starts[i]} is where text {@code i} starts in the joined string, {@code length} its length.
     * Stop words dropped at the end of one text add to the position of the next text's first token, as they do in
     * the joined string.
     */
    static TokenStream concat(List<AnalysedText> texts, int[] starts, boolean stemmed, int length) {
        return new Replay(texts, starts, stemmed, length);
    }

    /** Runs texts through the prose chain; one per thread (it reuses its tokenizer), never shared. */
    static final class Analysis {
        private final Tokenizer source = Analyzers.proseTokenizer();
        private final Capture capture = new Capture(Analyzers.unstemmed(source));
        private final TokenStream chain = new PorterStemFilter(capture);
        private final CharTermAttribute term = chain.getAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute inc = chain.getAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = chain.getAttribute(OffsetAttribute.class);

        AnalysedText of(String text) {
            try {
                source.setReader(new StringReader(text));
                try {
                    chain.reset();
                    capture.clear();
                    while (chain.incrementToken()) {
                        capture.stem(term.buffer(), term.length(), inc.getPositionIncrement(), offset.startOffset(),
                                offset.endOffset());
                    }
                    chain.end();
                    return new AnalysedText(capture, inc.getPositionIncrement(), text.length());
                } finally {
                    chain.close();
                }
            } catch (IOException e) {
                // Only a Reader can fail, and a StringReader does not.
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Keeps each token's unstemmed form as it passes to the stemmer; the stemmed form is added after it. */
    private static final class Capture extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        char[] exact = new char[256];
        char[] stems = new char[256];
        int exactUsed;
        int stemsUsed;
        int[] exactStart = new int[33];
        int[] stemStart = new int[33];
        int[] posInc = new int[32];
        int[] startOffset = new int[32];
        int[] endOffset = new int[32];
        int size;

        Capture(TokenStream input) {
            super(input);
        }

        void clear() {
            size = 0;
            exactUsed = 0;
            stemsUsed = 0;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (size + 1 == posInc.length) {
                int n = posInc.length * 2;
                exactStart = Arrays.copyOf(exactStart, n + 1);
                stemStart = Arrays.copyOf(stemStart, n + 1);
                posInc = Arrays.copyOf(posInc, n);
                startOffset = Arrays.copyOf(startOffset, n);
                endOffset = Arrays.copyOf(endOffset, n);
            }
            exact = append(exact, exactUsed, term.buffer(), term.length());
            exactStart[size] = exactUsed;
            exactUsed += term.length();
            exactStart[size + 1] = exactUsed;
            return true;
        }

        void stem(char[] buffer, int len, int increment, int start, int end) {
            stems = append(stems, stemsUsed, buffer, len);
            stemStart[size] = stemsUsed;
            stemsUsed += len;
            stemStart[size + 1] = stemsUsed;
            posInc[size] = increment;
            startOffset[size] = start;
            endOffset[size] = end;
            size++;
        }

        private static char[] append(char[] to, int used, char[] from, int len) {
            char[] out = used + len <= to.length ? to : Arrays.copyOf(to, Math.max(to.length * 2, used + len));
            System.arraycopy(from, 0, out, used, len);
            return out;
        }
    }

    /** Gives captured tokens back, text after text, as the token stream of one field value. */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final List<AnalysedText> texts;
        private final int[] starts;
        private final boolean stemmed;
        private final int length;
        private int text;
        private int token;
        /** Positions skipped (stop words) since the last token given, carried into the next one. */
        private int carried;

        Replay(List<AnalysedText> texts, int[] starts, boolean stemmed, int length) {
            this.texts = texts;
            this.starts = starts;
            this.stemmed = stemmed;
            this.length = length;
        }

        @Override
        public boolean incrementToken() {
            while (text < texts.size() && token == texts.get(text).size) {
                carried += texts.get(text).finalPosInc;
                text++;
                token = 0;
            }
            if (text == texts.size()) {
                return false;
            }
            clearAttributes();
            AnalysedText t = texts.get(text);
            if (stemmed) {
                term.copyBuffer(t.stems, t.stemStart[token], t.stemStart[token + 1] - t.stemStart[token]);
            } else {
                term.copyBuffer(t.exact, t.exactStart[token], t.exactStart[token + 1] - t.exactStart[token]);
            }
            inc.setPositionIncrement(t.posInc[token] + carried);
            carried = 0;
            offset.setOffset(starts[text] + t.startOffset[token], starts[text] + t.endOffset[token]);
            token++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int skipped = carried;
            for (int i = text; i < texts.size(); i++) {
                skipped += texts.get(i).finalPosInc;
            }
            inc.setPositionIncrement(skipped);
            offset.setOffset(length, length);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            text = 0;
            token = 0;
            carried = 0;
        }
    }
}
