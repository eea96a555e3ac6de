package org.roundtable.core.tenancy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A pod's copy of what a few tables say, dropped whole whenever one of them changes ({@link
 * TableChanged}): at most a second behind a change made on another pod (ADR 0025). A value loaded
 * while the tables changed is not kept, so a drop never loses to a slow read.
 *
 * @param <K> what a value is looked up by (a council, always part of the key for council data)
 * @param <V> the value
 */
public final class ChangeAwareCache<K, V> {

  private final Set<String> tables;
  private final Map<K, V> values = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  /**
   * @param tables the tables its values are read from
   */
  public ChangeAwareCache(Set<String> tables) {
    this.tables = tables;
  }

  /** The value for a key, loaded (and kept, unless the tables changed meanwhile) when absent. */
  public V get(K key, Supplier<V> load) {
    V held = values.get(key);
    if (held != null) {
      return held;
    }
    long before = generation.get();
    V loaded = load.get();
    values.put(key, loaded);
    if (generation.get() != before) {
      values.remove(key, loaded);
    }
    return loaded;
  }

  /**
   * The value for a key if there is one, loaded when absent; an absence is never kept (a key made
   * up by a caller costs no memory, and a row added elsewhere is found at once).
   */
  public Optional<V> find(K key, Supplier<Optional<V>> load) {
    V held = values.get(key);
    if (held != null) {
      return Optional.of(held);
    }
    long before = generation.get();
    Optional<V> loaded = load.get();
    loaded.ifPresent(
        value -> {
          values.put(key, value);
          if (generation.get() != before) {
            values.remove(key, value);
          }
        });
    return loaded;
  }

  /** Drops everything if the table is one of its own (or may be any). */
  public void changed(String table) {
    if (TableChanged.EVERYTHING.equals(table) || tables.contains(table)) {
      generation.incrementAndGet();
      values.clear();
    }
  }
}
