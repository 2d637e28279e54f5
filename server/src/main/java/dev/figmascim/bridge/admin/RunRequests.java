package dev.figmascim.bridge.admin;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.IOException;
import java.time.Duration;

/**
 * Counts the requests that run a reconciliation ({@code POST /admin/v1/reconciliations}) from their arrival
 * until their answer has been written, so that a stopping server ({@code reconcile.RunDrain}) can wait for
 * the client to have its summary, not only for the run to commit: Helidon closes open connections when
 * it stops, which would cut the answer off.
 */
@Provider
public class RunRequests implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final String COUNTED = RunRequests.class.getName();
    private static final Object LOCK = new Object();
    private static int inFlight;

    @Override
    public void filter(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && request.getUriInfo().getPath().startsWith("reconciliations")) {
            request.setProperty(COUNTED, Boolean.TRUE);
            change(1);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // Without a body nothing is written: the request ends here.
        if (!response.hasEntity() && request.getProperty(COUNTED) != null) {
            request.removeProperty(COUNTED);
            change(-1);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } finally {
            if (context.getProperty(COUNTED) != null) {
                context.removeProperty(COUNTED);
                change(-1);
            }
        }
    }

    private static void change(int by) {
        synchronized (LOCK) {
            inFlight += by;
            LOCK.notifyAll();
        }
    }

    /** Waits until no reconciliation request is in flight, at most {@code limit}; whether none is. */
    public static boolean awaitNone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (LOCK) {
            while (inFlight > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                LOCK.wait(left);
            }
            return true;
        }
    }
}
