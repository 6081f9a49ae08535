package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbbreviationsTest {

    @Test
    void theSeedDefinesNmdaTrdAndBdnf() throws IOException {
        String seed = Files.readString(Path.of("corpus", "ketamines-for-depression.txt"));
        Map<String, String> found = Abbreviations.mostFrequent(Abbreviations.find(seed));
        assertEquals(Map.of(
                "TRD", "treatment-resistant depression",
                "NMDA", "N-methyl-D-aspartate",
                "BDNF", "brain-derived neurotrophic factor"), found);
    }

    @Test
    void theLongFormIsTheShortestRunOfWordsThatSpellsTheShortForm() {
        assertEquals(List.of(new Abbreviations.Definition("HPO", "Human Phenotype Ontology")),
                Abbreviations.find("The Human Phenotype Ontology (HPO) has collected information."));
        assertEquals(List.of(new Abbreviations.Definition("CT", "computed tomography")),
                Abbreviations.find("Patients had a scan by computed tomography (CT) twice."));
    }

    @Test
    void parenthesesThatAreNotAbbreviationsAreIgnored() {
        assertTrue(Abbreviations.find("It was shown in 2019 (2019) and again (p < 0.05) by others (see above).").isEmpty());
        assertTrue(Abbreviations.find("Lener et al. (2017) found it.").isEmpty());
        assertTrue(Abbreviations.find("A random phrase (XYZ) that does not spell it.").isEmpty());
        assertTrue(Abbreviations.find("The drug (ketamine) was given.").isEmpty(), "a short form needs a capital");
    }

    @Test
    void theMostFrequentLongFormWinsForAShortForm() {
        List<Abbreviations.Definition> defs = List.of(
                new Abbreviations.Definition("AD", "atopic dermatitis"),
                new Abbreviations.Definition("AD", "Alzheimer disease"),
                new Abbreviations.Definition("AD", "Alzheimer disease"));
        assertEquals(Map.of("AD", "Alzheimer disease"), Abbreviations.mostFrequent(defs));
    }
}
