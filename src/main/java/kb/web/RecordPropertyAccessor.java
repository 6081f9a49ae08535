package kb.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Lets Thymeleaf's expression language read {@code hit.title} from a record quickly. OGNL looks for JavaBean
 * getters; a record has none, so for every read OGNL falls back to scanning all the class's methods, lower-casing
 * each name, which made rendering a results page cost ten times its JSON. This accessor maps each record class's
 * public no-argument methods by name once, and answers anything else as OGNL would. It calls those methods without
 * OGNL's member-access checks, which is safe because only kb's own templates, never user input, hold expressions.
 */
final class RecordPropertyAccessor extends ObjectPropertyAccessor {
    private static final ClassValue<Map<String, Method>> READERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> readers = new HashMap<>();
            for (Method m : type.getMethods()) {
                if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                        && m.getDeclaringClass() != Object.class && m.getReturnType() != void.class
                        && m.trySetAccessible()) {
                    readers.put(m.getName(), m);
                }
            }
            return Map.copyOf(readers);
        }
    };

    private RecordPropertyAccessor() {}

    /** Registers the accessor for every record; OGNL keeps one registry per class loader, so this is idempotent. */
    static void install() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object getProperty(Map context, Object target, Object name) throws OgnlException {
        Method reader = name instanceof String s ? READERS.get(target.getClass()).get(s) : null;
        if (reader == null) {
            return super.getProperty(context, target, name);
        }
        try {
            return reader.invoke(target);
        } catch (IllegalAccessException e) {
            throw new OgnlException("cannot read " + name + " of " + target.getClass().getName(), e);
        } catch (InvocationTargetException e) {
            throw new OgnlException("reading " + name + " of " + target.getClass().getName() + " failed", e.getCause());
        }
    }
}
