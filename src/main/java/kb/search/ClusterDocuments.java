package kb.search;

import java.util.Collection;
import java.util.Set;
import kb.index.Fields;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.solr.common.SolrDocument;

/**
 * A passage as a cluster returns it, made the Lucene {@link Document} of stored fields that the embedded engine reads
 * ({@link StoredPassages}), so both engines build hits, views and articles with the same code. Numbers Solr may
 * return as another type are made ints, as the embedded index stores them.
 */
final class ClusterDocuments {
    private static final Set<String> INTS = Set.of(Fields.ORDINAL, Fields.POSITION, Fields.PAGE);

    private ClusterDocuments() {}

    static Document of(SolrDocument solr) {
        Document doc = new Document();
        for (String name : solr.getFieldNames()) {
            Collection<Object> values = solr.getFieldValues(name);
            if (values == null) {
                continue;
            }
            for (Object v : values) {
                if (INTS.contains(name)) {
                    doc.add(new StoredField(name, v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString())));
                } else if (v instanceof Integer i) {
                    doc.add(new StoredField(name, i));
                } else if (v instanceof Long l) {
                    doc.add(new StoredField(name, l));
                } else if (v instanceof Float f) {
                    doc.add(new StoredField(name, f));
                } else if (v instanceof Double d) {
                    doc.add(new StoredField(name, d));
                } else if (v != null) {
                    doc.add(new StoredField(name, v.toString()));
                }
            }
        }
        return doc;
    }
}
