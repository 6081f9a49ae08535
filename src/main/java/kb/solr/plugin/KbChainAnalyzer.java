package kb.solr.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * One of kb's analysis chains ({@link kb.index.Analyzers}) as an analyzer a Solr schema names by class: every field
 * it is given is analysed by that chain. Solr makes analyzers by their no-argument constructor, so each chain has a
 * subclass of its own.
 */
abstract class KbChainAnalyzer extends DelegatingAnalyzerWrapper {
    private final Analyzer chain;

    KbChainAnalyzer(Analyzer chain) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.chain = chain;
    }

    @Override
    protected final Analyzer getWrappedAnalyzer(String fieldName) {
        return chain;
    }

    @Override
    public final void close() {
        chain.close();
        super.close();
    }
}
