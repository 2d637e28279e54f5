package dev.figmascim.bridge.it;

import dev.figmascim.bridge.it.container.BridgeContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * Base of the tests that run against the suite's bridge: the packaged jar in {@code --demo} mode,
 * started by the Arquillian adapter. Tests run as clients over real HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BridgeIT {

    @ArquillianResource
    URL base;

    /** Nothing to deploy: the application is the running jar. */
    @Deployment(testable = false)
    static JavaArchive deployment() {
        return ShrinkWrap.create(JavaArchive.class, "bridge.jar");
    }

    Http http() {
        return new Http(root(), BridgeContainer.current().token());
    }

    Http scim() {
        return new Http(root() + "scim/v2/", BridgeContainer.current().token());
    }

    private String root() {
        String url = base.toString();
        return url.endsWith("/") ? url : url + "/";
    }
}
