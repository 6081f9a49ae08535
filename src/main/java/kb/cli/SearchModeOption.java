package kb.cli;

import kb.search.BadQueryException;
import kb.search.SearchMode;
import picocli.CommandLine;

/**
 * {@code --mode lexical|hybrid|semantic} for the commands that search: how to rank ({@link SearchMode}); anything
 * else is a usage error (exit 2) with the search layer's own plain message.
 */
final class SearchModeOption implements CommandLine.ITypeConverter<SearchMode> {
    static final String DESCRIPTION = "How to rank: hybrid (words and meaning), lexical (words only) or semantic "
            + "(meaning only); a query with operators, quotes or fields, or an index without meaning vectors, "
            + "is searched by words (default: ${DEFAULT-VALUE}).";

    @Override
    public SearchMode convert(String value) {
        try {
            return SearchMode.parse(value.strip());
        } catch (BadQueryException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
