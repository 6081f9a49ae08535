package kb.solr.plugin;

import kb.index.Analyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * {@link Analyzers#exact()} (the prose chain without stemming) for a Solr schema
 * ({@code <analyzer class="kb.solr.plugin.KbExactAnalyzer"/>}): the unstemmed text field is analysed by the very
 * chain the embedded index uses, not by a copy of it written in XML.
 */
public final class KbExactAnalyzer extends DelegatingAnalyzerWrapper {
    private final Analyzer exact = Analyzers.exact();

    public KbExactAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return exact;
    }

    @Override
    public void close() {
        exact.close();
        super.close();
    }
}
