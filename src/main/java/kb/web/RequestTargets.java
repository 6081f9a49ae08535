package kb.web;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Keeps the request target as the client sent it, for the one case where Jetty forgets it: a target it cannot parse
 * (a broken %-escape such as {@code /api/passages/%zz}), which Jetty replaces with {@code /badMessage} before its
 * error handler runs. {@link JettyErrors} reads it back to answer an API path in JSON. The target is remembered per
 * connection, from the request line until the next request begins, and is never echoed to the client. Jetty offers
 * no public hook for this, hence the subclass of its internal {@code HttpConnection}: a Jetty upgrade that changes it
 * fails to compile, and {@code JettyRejectionsTest} shows the effect.
 */
final class RequestTargets {
    private static final String ATTRIBUTE = RequestTargets.class.getName();

    private RequestTargets() {}

    /** Makes every HTTP/1 connector of {@code server} remember targets; Javalin adds its connector at start. */
    static void install(Server server) {
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof ServerConnector sc) {
                        HttpConnectionFactory http = sc.getConnectionFactory(HttpConnectionFactory.class);
                        if (http != null && !(http instanceof Remembering)) {
                            sc.addConnectionFactory(new Remembering(http.getHttpConfiguration()));
                        }
                    }
                }
            }
        });
    }

    /** The target of the request line being handled on this request's connection, or null when there was none. */
    static String rawTarget(Request request) {
        Object target = request.getConnectionMetaData().getAttribute(ATTRIBUTE);
        return target instanceof String s ? s : null;
    }

    private static final class Remembering extends HttpConnectionFactory {
        Remembering(HttpConfiguration config) {
            super(config);
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
                @Override
                protected RequestHandler newRequestHandler() {
                    return new RequestHandler() {
                        @Override
                        public void messageBegin() {
                            // A request line over the limit never reaches startRequest: forget the previous target.
                            removeAttribute(ATTRIBUTE);
                            super.messageBegin();
                        }

                        @Override
                        public void startRequest(String method, String uri, HttpVersion version) {
                            setAttribute(ATTRIBUTE, uri);
                            super.startRequest(method, uri, version);
                        }
                    };
                }
            };
            connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
            return configure(connection, connector, endPoint);
        }
    }
}
