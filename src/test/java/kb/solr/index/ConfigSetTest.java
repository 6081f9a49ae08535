package kb.solr.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import kb.solr.SolrSchema;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The config set kb uploads: its zip holds its files, its name follows its content, solrconfig says what kb needs. */
class ConfigSetTest {
    @Test
    void theZipHoldsEveryFileOfTheConfigSetAsShipped() throws IOException {
        ConfigSet set = ConfigSet.bundled();
        Map<String, byte[]> unzipped = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(set.zip()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                unzipped.put(e.getName(), zip.readAllBytes());
            }
        }
        assertEquals(SolrSchema.CONFIGSET_FILES, java.util.List.copyOf(unzipped.keySet()));
        for (String name : SolrSchema.CONFIGSET_FILES) {
            assertArrayEquals(set.files().get(name), unzipped.get(name), name);
        }
    }

    @Test
    void theNameIsKbAndAHashOfTheFilesSoAChangedConfigSetIsANewOne() {
        String name = ConfigSet.bundled().name();
        assertTrue(name.matches("kb-[0-9a-f]{12}"), name);
        assertEquals(name, ConfigSet.bundled().name());
    }

    @Test
    void solrconfigAsksForExactStatisticsKbsParserAndExplicitCommits() throws Exception {
        Document config = xml("solrconfig.xml");
        Element root = config.getDocumentElement();
        assertEquals("org.apache.solr.search.stats.ExactStatsCache", child(root, "statsCache").getAttribute("class"));
        Element parser = child(root, "queryParser");
        assertEquals("kb", parser.getAttribute("name"));
        assertEquals("kb.solr.plugin.KbQParserPlugin", parser.getAttribute("class"));
        String lucene = org.apache.lucene.util.Version.LATEST.major + "." + org.apache.lucene.util.Version.LATEST.minor;
        assertEquals(lucene, child(root, "luceneMatchVersion").getTextContent());
        Element schemaFactory = child(root, "schemaFactory");
        assertEquals("false", named(schemaFactory, "bool", "mutable").getTextContent());
        assertEquals(SolrSchema.SCHEMA_FILE, named(schemaFactory, "str", "managedSchemaResourceName").getTextContent());
        Element update = child(root, "updateHandler");
        assertEquals("false", child(child(update, "autoCommit"), "openSearcher").getTextContent());
        assertEquals("-1", child(child(update, "autoSoftCommit"), "maxTime").getTextContent());
        assertEquals(0, config.getElementsByTagName("updateRequestProcessorChain").getLength(), "no field guessing");
        Map<String, Element> handlers = new HashMap<>();
        NodeList list = config.getElementsByTagName("requestHandler");
        for (int i = 0; i < list.getLength(); i++) {
            handlers.put(((Element) list.item(i)).getAttribute("name"), (Element) list.item(i));
        }
        assertEquals("javabin", named(child(handlers.get("/select"), "lst"), "str", "wt").getTextContent());
        assertEquals("true", named(child(handlers.get("/terms"), "lst"), "bool", "distrib").getTextContent());
    }

    @Test
    void theSpellCheckerIsLucenesDirectSpellCheckerWithItsDefaultsOverTheUnstemmedText() throws Exception {
        Element root = xml("solrconfig.xml").getDocumentElement();
        Element checker = child(spellcheck(root), "lst");
        assertEquals("kb", named(checker, "str", "name").getTextContent());
        assertEquals(kb.index.Fields.TEXT_EXACT, named(checker, "str", "field").getTextContent());
        assertEquals("solr.DirectSolrSpellChecker", named(checker, "str", "classname").getTextContent());
        assertEquals("internal", named(checker, "str", "distanceMeasure").getTextContent());
        org.apache.lucene.search.spell.DirectSpellChecker lucene = new org.apache.lucene.search.spell.DirectSpellChecker();
        assertEquals(lucene.getAccuracy(), Float.parseFloat(named(checker, "float", "accuracy").getTextContent()));
        assertEquals(lucene.getMaxEdits(), Integer.parseInt(named(checker, "int", "maxEdits").getTextContent()));
        assertEquals(lucene.getMinPrefix(), Integer.parseInt(named(checker, "int", "minPrefix").getTextContent()));
        assertEquals(lucene.getMaxInspections(), Integer.parseInt(named(checker, "int", "maxInspections").getTextContent()));
        assertEquals(lucene.getMinQueryLength(), Integer.parseInt(named(checker, "int", "minQueryLength").getTextContent()));
        assertEquals(lucene.getMaxQueryFrequency(),
                Float.parseFloat(named(checker, "float", "maxQueryFrequency").getTextContent()));
        assertEquals(lucene.getThresholdFrequency(),
                Float.parseFloat(named(checker, "float", "thresholdTokenFrequency").getTextContent()));
    }

    /** The spell check component of {@code root}. */
    private static Element spellcheck(Element root) {
        NodeList list = root.getElementsByTagName("searchComponent");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getAttribute("class").equals("solr.SpellCheckComponent")) {
                return e;
            }
        }
        throw new AssertionError("no spell check component");
    }

    static Document xml(String file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(ConfigSet.bundled().files().get(file)));
    }

    static Element child(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        assertEquals(1, list.getLength(), "one <" + tag + ">");
        return (Element) list.item(0);
    }

    private static Element named(Element parent, String tag, String name) {
        NodeList list = parent.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            if (name.equals(((Element) list.item(i)).getAttribute("name"))) {
                return (Element) list.item(i);
            }
        }
        throw new AssertionError("no <" + tag + " name=\"" + name + "\">");
    }
}
