/** The sample organisation that {@code --demo} serves, loaded from {@code demo/demo-org.json} in the jar. */
package dev.figmascim.bridge.demo;
