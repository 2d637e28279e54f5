/** Black-box tests of the packaged bridge over HTTP and its command line. */
package dev.figmascim.bridge.it;
