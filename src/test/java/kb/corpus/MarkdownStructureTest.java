package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown without front matter: GFM tables, navigation furniture, titles guessed in order, reference lists. */
class MarkdownStructureTest {
    @TempDir
    Path dir;

    private Article read(String name, String markdown) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, markdown);
        FileResult r = new CorpusReader().readFile(dir, file);
        assertNull(r.skipped(), () -> "skipped: " + r.skipped());
        return r.articles().get(0);
    }

    private static List<String> texts(Article a) {
        return a.passages().stream().map(Passage::text).toList();
    }

    @Test
    void gfmTableIsOneTablePassageAndNavigationIsDropped() throws IOException {
        Article a = read("doses.md", """
                | [Home](/) | [About](/about) | [Contact](/contact) |
                |---|---|---|
                | [News](/news) | | [Help](/help) |

                # Doses

                | | --- | | spacer |

                | Drug | Dose | Route |
                |:-----|-----:|:-----:|
                | Ketamine | 0.5 mg/kg | [IV](https://example.org/iv) |
                | | | |
                | [More](/more) | | |
                | Esketamine | 56 mg | nasal |

                Doses differ by route.
                """);
        assertEquals("Doses", a.title());
        assertEquals(List.of("Drug | Dose | Route\nKetamine | 0.5 mg/kg | IV\nEsketamine | 56 mg | nasal",
                "Doses differ by route."), texts(a));
        assertEquals(PassageKind.TABLE, a.passages().get(0).kind());
        assertEquals(PassageKind.PARAGRAPH, a.passages().get(1).kind());
        assertEquals("doses.intro.1", a.passages().get(0).id());
        assertEquals("doses.intro.2", a.passages().get(1).id());
    }

    @Test
    void titleIsTheFirstH1ThenTheFirstHeadingThenAFirstLineThenTheFileName() throws IOException {
        assertEquals("Main", read("a.md", "## Intro\n\nText.\n\n# Main\n\nMore.\n").title());
        Article firstHeading = read("b.md", "Some text first.\n\n## Overview\n\nText.\n");
        assertEquals("Overview", firstHeading.title());
        assertEquals(List.of("Some text first.", "Text."), texts(firstHeading));
        Article firstLine = read("c.md", "Sleep hygiene basics\n\nKeep a regular bedtime.\n");
        assertEquals("Sleep hygiene basics", firstLine.title());
        assertEquals(List.of("Keep a regular bedtime."), texts(firstLine), "the line taken as title is not a passage");
        Article sentence = read("plain-notes.md", "This opening line is a sentence.\n\nAnd more.\n");
        assertEquals("plain-notes", sentence.title());
        assertEquals(2, sentence.passages().size());
    }

    @Test
    void entriesUnderAReferenceHeadingAreParsedReferences() throws IOException {
        Article a = read("refs.md", """
                # Sleep

                Sleep matters (Smith, 2019).

                ## 5. References

                1. Smith, J., & Jones, K. (2019). Shift work and sleep. Sleep Medicine, 12(3), 45-50.
                2. Brown, A. (2021). Naps at work. Occupational Health, 4, 1-9.

                Lee, C. (2020). Light at night. Chronobiology, 7, 10-20.

                ## Notes

                Not a reference.
                """);
        List<Passage> p = a.passages();
        assertEquals(List.of(PassageKind.PARAGRAPH, PassageKind.REFERENCE, PassageKind.REFERENCE, PassageKind.REFERENCE,
                PassageKind.PARAGRAPH), p.stream().map(Passage::kind).toList());
        assertEquals("Smith, J., & Jones, K. (2019). Shift work and sleep. Sleep Medicine, 12(3), 45-50.", p.get(1).text());
        assertEquals("Smith, J., & Jones, K.", p.get(1).reference().authors());
        assertEquals("Occupational Health", p.get(2).reference().journal());
        assertEquals("2020", p.get(3).reference().year());
        assertEquals("refs.references.1", p.get(1).id());
    }
}
