package dev.cloakroom.servlet;

import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ErrorPage;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat 10.1, with its default session manager present so a leak would show as JSESSIONID. */
final class TomcatContainer implements TestContainer {

    private final Tomcat tomcat;
    private final int port;

    private TomcatContainer(Tomcat tomcat, int port) {
        this.tomcat = tomcat;
        this.port = port;
    }

    static TomcatContainer start(Deployment deployment, Path baseDir) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);

        Path docBase = Files.createDirectories(baseDir.resolve("webapp"));
        Context context = tomcat.addContext("", docBase.toString());
        for (Mount mount : deployment.mounts()) {
            FilterDef def = new FilterDef();
            def.setFilterName(mount.name());
            def.setFilter(mount.filter());
            def.setFilterClass(mount.filter().getClass().getName());
            def.setAsyncSupported("true");
            mount.initParams().forEach(def::addInitParameter);
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(mount.name());
            map.addURLPatternDecoded(mount.pattern());
            for (DispatcherType type : DispatcherType.values()) {
                map.setDispatcher(type.name());
            }
            context.addFilterMap(map);
        }
        Wrapper servlet = Tomcat.addServlet(context, "scenarios", deployment.servlet());
        servlet.setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "scenarios");
        ErrorPage notFound = new ErrorPage();
        notFound.setErrorCode(404);
        notFound.setLocation(deployment.notFoundPage());
        context.addErrorPage(notFound);
        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            throw new IllegalStateException("Tomcat context did not start: " + context.getState());
        }
        return new TomcatContainer(tomcat, connector.getLocalPort());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
