package org.roundtable.api.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.roundtable.api.errors.Refused;

/**
 * The kinds of file people upload to a council (papers, receipts, handouts), each known by its
 * media type and checked by its bytes: a PDF starts {@code %PDF-}, a Word, Excel or PowerPoint file
 * is a ZIP, an image has its signature, and CSV or plain text is UTF-8 with nothing a browser would
 * run in it. Never HTML, SVG or a script. Used with {@link Download#attachment} for the way back.
 *
 * @since 1.9.0
 */
public enum DocumentType {
  PDF("application/pdf", "a PDF", sig('%', 'P', 'D', 'F', '-')),
  WORD(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "a Word document",
      sig('P', 'K', 3, 4)),
  EXCEL(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "an Excel workbook",
      sig('P', 'K', 3, 4)),
  POWERPOINT(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "a PowerPoint file",
      sig('P', 'K', 3, 4)),
  CSV("text/csv", "a CSV file", null),
  TEXT("text/plain", "a plain text file", null),
  JPEG("image/jpeg", "a JPEG photo", sig(0xFF, 0xD8, 0xFF)),
  PNG("image/png", "a PNG image", sig(0x89, 'P', 'N', 'G'));

  private final String mediaType;
  private final String words;
  private final byte[] signature;

  DocumentType(String mediaType, String words, byte[] signature) {
    this.mediaType = mediaType;
    this.words = words;
    this.signature = signature;
  }

  /**
   * @return the media type, as stored and sent back
   * @since 1.9.0
   */
  public String mediaType() {
    return mediaType;
  }

  /**
   * @return the kind in plain words ("a PDF")
   * @since 1.9.0
   */
  public String words() {
    return words;
  }

  /**
   * The kind a media type names ({@code application/pdf; charset=…} included), if one of these.
   *
   * @param contentType the type a browser or client sent, or null
   * @return the kind, or empty
   * @since 1.9.0
   */
  public static Optional<DocumentType> of(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.mediaType.equals(type)).findFirst();
  }

  /**
   * Whether the bytes are what this kind says: its signature, or UTF-8 text that no browser would
   * run.
   *
   * @param content the file
   * @return whether it is this kind of file
   * @since 1.9.0
   */
  public boolean matches(byte[] content) {
    if (signature != null) {
      return content.length >= signature.length
          && Arrays.equals(Arrays.copyOf(content, signature.length), signature);
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
    } catch (CharacterCodingException e) {
      return false;
    }
    String start =
        new String(content, 0, Math.min(content.length, 1024), StandardCharsets.UTF_8)
            .toLowerCase(Locale.ROOT);
    return !start.contains("<html") && !start.contains("<script") && !start.contains("<svg");
  }

  /**
   * The kind of an uploaded file, if it is one of those accepted and its bytes are what its type
   * says.
   *
   * @param contentType the type sent with it
   * @param content the file (not empty)
   * @param accepted the kinds this place takes
   * @param field the field to name in a refusal
   * @return the kind
   * @throws Refused ({@link Refused.Reason#UNSUPPORTED_TYPE}) for another type, naming those
   *     accepted, or bytes that are not what the type says
   * @since 1.9.0
   */
  public static DocumentType accepted(
      String contentType, byte[] content, Set<DocumentType> accepted, String field) {
    DocumentType type =
        of(contentType)
            .filter(accepted::contains)
            .orElseThrow(
                () ->
                    new Refused(
                        Refused.Reason.UNSUPPORTED_TYPE,
                        field,
                        "add " + inWords(accepted.stream().sorted().toList())));
    if (!type.matches(content)) {
      throw new Refused(
          Refused.Reason.UNSUPPORTED_TYPE, field, "the file is not what its type says");
    }
    return type;
  }

  /**
   * The same, after refusing an empty file and one larger than {@code largestBytes}: the checks
   * every place that keeps uploaded documents makes first.
   *
   * @param largestBytes the most this place keeps (20 MB is {@code 20 * 1024 * 1024})
   * @throws Refused naming the field: "the file is empty"; {@link Refused.Reason#TOO_LARGE} "the
   *     file is larger than N MB"; or as {@link #accepted(String, byte[], Set, String)}
   * @since 1.9.0
   */
  public static DocumentType accepted(
      String contentType,
      byte[] content,
      Set<DocumentType> accepted,
      String field,
      int largestBytes) {
    if (content.length == 0) {
      throw new Refused(field, "the file is empty");
    }
    if (content.length > largestBytes) {
      throw new Refused(
          Refused.Reason.TOO_LARGE,
          field,
          "the file is larger than " + largestBytes / (1024 * 1024) + " MB");
    }
    return accepted(contentType, content, accepted, field);
  }

  /** "a PDF", "a PDF or a Word document", "a PDF, a Word document or a PNG image". */
  private static String inWords(java.util.List<DocumentType> kinds) {
    java.util.List<String> words = kinds.stream().map(DocumentType::words).toList();
    return words.size() == 1
        ? words.get(0)
        : String.join(", ", words.subList(0, words.size() - 1))
            + " or "
            + words.get(words.size() - 1);
  }

  private static byte[] sig(int... bytes) {
    byte[] signature = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      signature[i] = (byte) bytes[i];
    }
    return signature;
  }
}
