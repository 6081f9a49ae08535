package kb.solr.plugin;

import java.util.Map;
import kb.index.SpellingVariantFilter;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Builds kb's {@link SpellingVariantFilter} by name ({@value #NAME}) in an analysis chain, e.g. a Solr schema's
 * {@code <filter name="kbSpellingVariant"/>}. It takes no arguments: the spelling rules are part of kb's analysis.
 */
public final class SpellingVariantFilterFactory extends TokenFilterFactory {
    /** The SPI name. */
    public static final String NAME = "kbSpellingVariant";

    public SpellingVariantFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException(NAME + " takes no parameters, not " + args.keySet());
        }
    }

    /** For the service loader only. */
    public SpellingVariantFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new SpellingVariantFilter(input);
    }
}
