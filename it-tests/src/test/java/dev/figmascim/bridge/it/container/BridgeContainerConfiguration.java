package dev.figmascim.bridge.it.container;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** Settings of the managed bridge container, from {@code arquillian.xml}. */
public class BridgeContainerConfiguration implements ContainerConfiguration {

    private String args = "--demo";
    private int startupTimeoutSeconds = 90;

    /** Command-line arguments for the jar, space separated (default {@code --demo}). */
    public String getArgs() {
        return args;
    }

    public void setArgs(String args) {
        this.args = args;
    }

    public int getStartupTimeoutSeconds() {
        return startupTimeoutSeconds;
    }

    public void setStartupTimeoutSeconds(int startupTimeoutSeconds) {
        this.startupTimeoutSeconds = startupTimeoutSeconds;
    }

    @Override
    public void validate() throws ConfigurationException {
        if (startupTimeoutSeconds < 1) {
            throw new ConfigurationException("startupTimeoutSeconds must be positive");
        }
    }
}
