package dev.figmascim.bridge.it.container;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link BridgeContainer} with Arquillian (listed in META-INF/services). */
public class BridgeContainerExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, BridgeContainer.class);
    }
}
