package org.roundtable.core.member.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.roundtable.core.member.AccessNeed;
import org.roundtable.core.member.ContactChannel;
import org.roundtable.core.member.Format;
import org.roundtable.core.member.LivedExperience;

/** Stores a small set of enum constants as one comma-separated column, in declaration order. */
public final class EnumSetConverters {

  private EnumSetConverters() {}

  abstract static class Base<E extends Enum<E>> implements AttributeConverter<Set<E>, String> {
    private final Class<E> type;

    Base(Class<E> type) {
      this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(Set<E> values) {
      if (values == null || values.isEmpty()) {
        return "";
      }
      return EnumSet.copyOf(values).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<E> convertToEntityAttribute(String column) {
      EnumSet<E> values = EnumSet.noneOf(type);
      if (column != null && !column.isBlank()) {
        Arrays.stream(column.split(",")).map(v -> Enum.valueOf(type, v.strip())).forEach(values::add);
      }
      return values;
    }
  }

  @Converter
  public static class ContactChannels extends Base<ContactChannel> {
    public ContactChannels() {
      super(ContactChannel.class);
    }
  }

  @Converter
  public static class Formats extends Base<Format> {
    public Formats() {
      super(Format.class);
    }
  }

  @Converter
  public static class AccessNeeds extends Base<AccessNeed> {
    public AccessNeeds() {
      super(AccessNeed.class);
    }
  }

  @Converter
  public static class LivedExperiences extends Base<LivedExperience> {
    public LivedExperiences() {
      super(LivedExperience.class);
    }
  }
}
