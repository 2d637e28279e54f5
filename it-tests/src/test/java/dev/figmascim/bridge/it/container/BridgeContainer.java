package dev.figmascim.bridge.it.container;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Arquillian's view of the bridge: "start" launches the packaged jar as a process, "deploy" deploys
 * nothing (the application is the jar) and publishes the process's host and port, which Arquillian
 * turns into the {@code @ArquillianResource URL} of {@code @RunAsClient} tests.
 */
public class BridgeContainer implements DeployableContainer<BridgeContainerConfiguration> {

    private static volatile BridgeProcess current;

    private BridgeContainerConfiguration configuration;

    /** The process Arquillian started for this suite, for its token. */
    public static BridgeProcess current() {
        if (current == null) {
            throw new IllegalStateException("the bridge container has not been started");
        }
        return current;
    }

    @Override
    public Class<BridgeContainerConfiguration> getConfigurationClass() {
        return BridgeContainerConfiguration.class;
    }

    @Override
    public void setup(BridgeContainerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() throws LifecycleException {
        try {
            List<String> args = Arrays.stream(configuration.getArgs().trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
            current = BridgeProcess.start(args, Map.of(), Duration.ofSeconds(configuration.getStartupTimeoutSeconds()));
        } catch (RuntimeException e) {
            throw new LifecycleException("could not start the bridge jar: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        return new ProtocolMetaData().addContext(new HTTPContext("127.0.0.1", current().port()));
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // Nothing was deployed: the application is the running jar.
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to the bridge");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to the bridge");
    }
}
