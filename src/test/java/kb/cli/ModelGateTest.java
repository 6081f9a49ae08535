package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import kb.search.SearchEngine;
import kb.search.SearchMode;
import kb.search.SearchRequest;
import org.junit.jupiter.api.Test;

/** Until the model has loaded, {@link ModelGate} sends every search and ranking to the engine by words only. */
class ModelGateTest {
    private final List<Object> seen = new ArrayList<>();

    /** An engine that records the request or mode of each search and ranking, and answers nothing. */
    private SearchEngine recording() {
        return (SearchEngine) Proxy.newProxyInstance(SearchEngine.class.getClassLoader(), new Class<?>[] {SearchEngine.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("search")) {
                        seen.add(((SearchRequest) args[0]).mode());
                    } else if (method.getName().equals("rank")) {
                        seen.add(args[4]);
                    }
                    return method.getReturnType() == List.class ? List.of() : null;
                });
    }

    @Test
    void searchesAreByWordsUntilOpenedThenAsAsked() throws Exception {
        ModelGate gate = new ModelGate(recording(), false);
        gate.search(SearchRequest.of("ketamine"));
        gate.search(SearchRequest.of("ketamine").withMode(SearchMode.SEMANTIC));
        gate.rank("ketamine", 10, false, true, SearchMode.HYBRID);
        assertEquals(List.of(SearchMode.LEXICAL, SearchMode.LEXICAL, SearchMode.LEXICAL), seen);
        seen.clear();
        gate.open();
        gate.search(SearchRequest.of("ketamine"));
        gate.search(SearchRequest.of("ketamine").withMode(SearchMode.SEMANTIC));
        gate.rank("ketamine", 10, false, true, SearchMode.HYBRID);
        assertEquals(List.of(SearchMode.HYBRID, SearchMode.SEMANTIC, SearchMode.HYBRID), seen);
    }

    @Test
    void anOpenGateChangesNothing() throws Exception {
        ModelGate gate = new ModelGate(recording(), true);
        gate.search(SearchRequest.of("ketamine").withMode(SearchMode.SEMANTIC));
        assertEquals(List.of(SearchMode.SEMANTIC), seen);
    }
}
