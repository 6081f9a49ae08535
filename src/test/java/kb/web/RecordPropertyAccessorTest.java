package kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import ognl.Ognl;
import ognl.OgnlException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordPropertyAccessorTest {
    record Hit(String title, List<String> path) {
        public int depth() {
            return path.size();
        }
    }

    record Page(Hit first) {}

    @BeforeAll
    static void install() {
        RecordPropertyAccessor.install();
    }

    @SuppressWarnings("rawtypes")
    private static Object read(String expression, Object root) throws OgnlException {
        Map<?, ?> context = Ognl.createDefaultContext(root, new ognl.AbstractMemberAccess() {
            @Override
            public boolean isAccessible(Map ctx, Object target, java.lang.reflect.Member member, String name) {
                return true;
            }
        });
        return Ognl.getValue(expression, context, root);
    }

    @Test
    void readsComponentsAndPublicDerivedValuesThroughChains() throws Exception {
        assertEquals(RecordPropertyAccessor.class, ognl.OgnlRuntime.getPropertyAccessor(Hit.class).getClass());
        Page page = new Page(new Hit("Ketamine", List.of("Dosing", "Adults")));
        assertEquals("Ketamine", read("first.title", page));
        assertEquals(2, read("first.depth", page));
        assertEquals("Adults", read("first.path[1]", page));
    }

    @Test
    void anUnknownNameFailsAsOgnlWould() {
        assertThrows(OgnlException.class, () -> read("first.nothing", new Page(new Hit("x", List.of()))));
    }
}
