package org.cyberbaseline.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.cyberbaseline.validator.internal.ArtifactPaths;

/**
 * The documents of one premarket submission, read into memory: the {@code submission.json}
 * manifest and the artifacts it lists, or a lone SBOM. Reading never follows a path out of the
 * submission folder and never modifies anything; files that cannot be read are remembered as
 * problems and reported as findings.
 *
 * <p>Immutable and safe to validate from several threads.
 */
public final class Submission {
  /** Name of the manifest at the root of a submission folder. */
  public static final String MANIFEST_FILE = "submission.json";

  /** Largest single file read from a submission folder, unless configured otherwise. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final String origin;
  private final Optional<byte[]> manifest;
  private final Map<String, byte[]> documents;
  private final Map<String, String> unreadable;

  private Submission(
      String origin, Optional<byte[]> manifest, Map<String, byte[]> documents, Map<String, String> unreadable) {
    this.origin = origin;
    this.manifest = manifest.map(byte[]::clone);
    Map<String, byte[]> copy = new TreeMap<>();
    documents.forEach((k, v) -> copy.put(k, v.clone()));
    this.documents = Collections.unmodifiableMap(copy);
    this.unreadable = Collections.unmodifiableMap(new TreeMap<>(unreadable));
  }

  /**
   * Reads a submission folder: its {@code submission.json} and every artifact that manifest lists.
   *
   * @throws SubmissionException if the folder or its manifest does not exist or cannot be read
   */
  public static Submission fromDirectory(Path directory) throws SubmissionException {
    return fromDirectory(directory, DEFAULT_MAX_FILE_BYTES);
  }

  public static Submission fromDirectory(Path directory, long maxFileBytes) throws SubmissionException {
    Objects.requireNonNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new SubmissionException("not a submission folder (no such directory): " + directory);
    }
    Path root;
    try {
      root = directory.toRealPath();
    } catch (IOException e) {
      throw new SubmissionException("cannot open submission folder " + directory + ": " + e.getMessage(), e);
    }
    Path manifestPath = root.resolve(MANIFEST_FILE);
    if (!Files.isRegularFile(manifestPath, LinkOption.NOFOLLOW_LINKS)) {
      throw new SubmissionException(
          "no " + MANIFEST_FILE + " in " + directory + " (a submission folder starts with its manifest)");
    }
    byte[] manifestBytes;
    try {
      if (Files.size(manifestPath) > maxFileBytes) {
        throw new SubmissionException(
            MANIFEST_FILE + " is larger than the limit of " + maxFileBytes + " bytes");
      }
      manifestBytes = Files.readAllBytes(manifestPath);
    } catch (IOException e) {
      throw new SubmissionException("cannot read " + manifestPath + ": " + e.getMessage(), e);
    }
    Map<String, byte[]> documents = new TreeMap<>();
    Map<String, String> unreadable = new TreeMap<>();
    for (String path : listedPaths(manifestBytes)) {
      Optional<String> unsafe = ArtifactPaths.whyUnsafe(path);
      if (unsafe.isPresent()) {
        unreadable.put(path, unsafe.get());
        continue;
      }
      readInside(root, path, maxFileBytes, documents, unreadable);
    }
    return new Submission(directory.toString(), Optional.of(manifestBytes), documents, unreadable);
  }

  /**
   * A lone SBOM file, validated without a submission folder: only rules that read SBOMs alone run.
   *
   * @throws SubmissionException if the file does not exist, is not a regular file, or is too large
   */
  public static Submission fromSbomFile(Path file) throws SubmissionException {
    return fromSbomFile(file, DEFAULT_MAX_FILE_BYTES);
  }

  public static Submission fromSbomFile(Path file, long maxFileBytes) throws SubmissionException {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new SubmissionException("no such SBOM file: " + file);
    }
    try {
      long size = Files.size(file);
      if (size > maxFileBytes) {
        throw new SubmissionException(
            file + " is " + size + " bytes, larger than the limit of " + maxFileBytes + " bytes");
      }
      return ofSbom(file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new SubmissionException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A lone SBOM held in memory; {@code name} labels it in findings. */
  public static Submission ofSbom(String name, byte[] content) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
    return new Submission("in-memory SBOM " + name, Optional.empty(), Map.of(name, content), Map.of());
  }

  /** Assembles a submission from documents held in memory (e.g. by a tool that keeps them in a database). */
  public static Builder builder() {
    return new Builder();
  }

  /** Where the submission came from (folder path, or a description for in-memory input). */
  public String origin() {
    return origin;
  }

  /** True for a submission with a manifest; false for a lone SBOM. */
  public boolean hasManifest() {
    return manifest.isPresent();
  }

  /** A copy of the manifest bytes. */
  public Optional<byte[]> manifest() {
    return manifest.map(byte[]::clone);
  }

  /** Paths of the documents that were read, sorted. */
  public List<String> documentPaths() {
    return List.copyOf(documents.keySet());
  }

  /** A copy of one document's bytes. */
  public Optional<byte[]> document(String path) {
    return Optional.ofNullable(documents.get(path)).map(byte[]::clone);
  }

  /** Why a listed document could not be read (missing, outside the folder, too large...). */
  public Optional<String> whyUnreadable(String path) {
    return Optional.ofNullable(unreadable.get(path));
  }

  /** Read-only view for the validator, avoiding copies of large documents. */
  byte[] documentBytesUnsafe(String path) {
    return documents.get(path);
  }

  byte[] manifestBytesUnsafe() {
    return manifest.orElse(null);
  }

  /** Collects in-memory documents. */
  public static final class Builder {
    private byte[] manifest;
    private final Map<String, byte[]> documents = new TreeMap<>();
    private String origin = "in-memory submission";

    private Builder() {}

    /** The submission.json content. */
    public Builder manifest(byte[] content) {
      this.manifest = Objects.requireNonNull(content, "content").clone();
      return this;
    }

    /** A document under the path the manifest uses for it. */
    public Builder document(String path, byte[] content) {
      Objects.requireNonNull(path, "path");
      documents.put(path, Objects.requireNonNull(content, "content").clone());
      return this;
    }

    /** How the submission is named in reports. */
    public Builder origin(String origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
      return this;
    }

    public Submission build() {
      if (manifest == null) {
        throw new IllegalStateException("a submission needs its manifest; use Submission.ofSbom for a lone SBOM");
      }
      Map<String, String> unreadable = new TreeMap<>();
      Map<String, byte[]> accepted = new TreeMap<>();
      documents.forEach(
          (path, content) ->
              ArtifactPaths.whyUnsafe(path)
                  .ifPresentOrElse(why -> unreadable.put(path, why), () -> accepted.put(path, content)));
      return new Submission(origin, Optional.of(manifest), accepted, unreadable);
    }
  }

  /**
   * Paths the manifest lists, read leniently: the manifest is schema-checked later, and a file it
   * names should be read even if some other part of the manifest is wrong.
   */
  private static List<String> listedPaths(byte[] manifestBytes) {
    List<String> paths = new ArrayList<>();
    JsonNode artifacts;
    try {
      artifacts = new ObjectMapper().readTree(manifestBytes).path("artifacts");
    } catch (IOException | RuntimeException e) {
      return paths;
    }
    for (String single : Arrays.asList("threatModel", "dqiManifest", "waivers")) {
      addPath(artifacts.path(single), paths);
    }
    for (String list : Arrays.asList("sboms", "vex", "supplementary")) {
      artifacts.path(list).forEach(entry -> addPath(entry, paths));
    }
    return paths;
  }

  private static void addPath(JsonNode ref, List<String> paths) {
    JsonNode path = ref.path("path");
    if (path.isTextual() && !paths.contains(path.asText())) {
      paths.add(path.asText());
    }
  }

  private static void readInside(
      Path root, String relative, long maxFileBytes, Map<String, byte[]> documents, Map<String, String> unreadable) {
    Path candidate = root.resolve(relative).normalize();
    try {
      Path real = candidate.toRealPath();
      if (!real.startsWith(root)) {
        unreadable.put(relative, "path leads outside the submission folder (through a symbolic link)");
        return;
      }
      if (!Files.isRegularFile(real)) {
        unreadable.put(relative, "not a regular file");
        return;
      }
      long size = Files.size(real);
      if (size > maxFileBytes) {
        unreadable.put(relative, "file is " + size + " bytes, larger than the limit of " + maxFileBytes + " bytes");
        return;
      }
      documents.put(relative, Files.readAllBytes(real));
    } catch (NoSuchFileException e) {
      unreadable.put(relative, "file does not exist");
    } catch (IOException | SecurityException e) {
      unreadable.put(relative, "cannot read file: " + e.getMessage());
    }
  }
}
