package org.roundtable.bench.control;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bare control's only JAX-RS application, at the root of its context. */
@ApplicationPath("/")
public class BareApplication extends Application {}
