/**
 * In-memory stand-ins for the platform's services, for fast unit tests of a plugin's domain code
 * without a server: each keeps its data per council, as the platform does, so a test can show that
 * one council never sees another's. Start from {@link org.roundtable.testkit.fakes.FakePlatform}.
 */
package org.roundtable.testkit.fakes;
