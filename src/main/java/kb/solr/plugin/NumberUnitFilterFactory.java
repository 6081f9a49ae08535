package kb.solr.plugin;

import java.util.Map;
import kb.index.NumberUnitFilter;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Builds kb's {@link NumberUnitFilter} by name ({@value #NAME}) in an analysis chain, e.g. a Solr schema's
 * {@code <filter name="kbNumberUnit"/>}. It takes no arguments: the units are part of kb's analysis.
 */
public final class NumberUnitFilterFactory extends TokenFilterFactory {
    /** The SPI name. */
    public static final String NAME = "kbNumberUnit";

    public NumberUnitFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException(NAME + " takes no parameters, not " + args.keySet());
        }
    }

    /** For the service loader only. */
    public NumberUnitFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new NumberUnitFilter(input);
    }
}
