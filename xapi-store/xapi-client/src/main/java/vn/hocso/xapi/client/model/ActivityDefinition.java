package vn.hocso.xapi.client.model;

import java.util.List;
import java.util.Set;

/**
 * What an activity is (xAPI 2.0 Part 2 §2.4.4.1), including the interaction properties of a
 * question. Absent values are null; absent component lists are empty and not written. {@code
 * correctResponsesPattern} is null when absent, since an empty one is meaningful.
 */
public record ActivityDefinition(
    LanguageMap name,
    LanguageMap description,
    String type,
    String moreInfo,
    String interactionType,
    List<String> correctResponsesPattern,
    List<InteractionComponent> choices,
    List<InteractionComponent> scale,
    List<InteractionComponent> source,
    List<InteractionComponent> target,
    List<InteractionComponent> steps,
    Extensions extensions) {

  private static final String SECTION = "xAPI 2.0 Part 2 §2.4.4.1";
  static final Set<String> INTERACTION_TYPES =
      Set.of(
          "true-false",
          "choice",
          "fill-in",
          "long-fill-in",
          "matching",
          "performance",
          "sequencing",
          "likert",
          "numeric",
          "other");

  public ActivityDefinition {
    Rules.optionalIri(type, "type", SECTION);
    Rules.optionalIri(moreInfo, "moreInfo", SECTION);
    // null (absent) and empty (no correct answer) differ, so this list is kept nullable
    correctResponsesPattern =
        correctResponsesPattern == null ? null : List.copyOf(correctResponsesPattern);
    choices = copy(choices);
    scale = copy(scale);
    source = copy(source);
    target = copy(target);
    steps = copy(steps);
    if (interactionType != null && !INTERACTION_TYPES.contains(interactionType)) {
      throw Rules.fail(
          "interactionType",
          "interaction-type-known",
          "must be one of " + INTERACTION_TYPES,
          SECTION);
    }
    boolean interactionProperties =
        correctResponsesPattern != null
            || !choices.isEmpty()
            || !scale.isEmpty()
            || !source.isEmpty()
            || !target.isEmpty()
            || !steps.isEmpty();
    if (interactionProperties && interactionType == null) {
      throw Rules.fail(
          "interactionType",
          "interaction-type-required",
          "is required with correctResponsesPattern, choices, scale, source, target or steps",
          SECTION);
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this definition. */
  public Builder toBuilder() {
    var b = new Builder();
    b.name = name;
    b.description = description;
    b.type = type;
    b.moreInfo = moreInfo;
    b.interactionType = interactionType;
    b.correctResponsesPattern = correctResponsesPattern;
    b.choices = choices;
    b.scale = scale;
    b.source = source;
    b.target = target;
    b.steps = steps;
    b.extensions = extensions;
    return b;
  }

  /** Builds an {@link ActivityDefinition}; validation happens in {@link #build()}. */
  public static final class Builder {
    private LanguageMap name;
    private LanguageMap description;
    private String type;
    private String moreInfo;
    private String interactionType;
    private List<String> correctResponsesPattern;
    private List<InteractionComponent> choices;
    private List<InteractionComponent> scale;
    private List<InteractionComponent> source;
    private List<InteractionComponent> target;
    private List<InteractionComponent> steps;
    private Extensions extensions;

    private Builder() {}

    public Builder name(LanguageMap name) {
      this.name = name;
      return this;
    }

    public Builder name(String language, String text) {
      return name(LanguageMap.of(language, text));
    }

    public Builder description(LanguageMap description) {
      this.description = description;
      return this;
    }

    public Builder description(String language, String text) {
      return description(LanguageMap.of(language, text));
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder moreInfo(String moreInfo) {
      this.moreInfo = moreInfo;
      return this;
    }

    public Builder interactionType(String interactionType) {
      this.interactionType = interactionType;
      return this;
    }

    public Builder correctResponsesPattern(List<String> patterns) {
      this.correctResponsesPattern = patterns;
      return this;
    }

    public Builder choices(List<InteractionComponent> choices) {
      this.choices = choices;
      return this;
    }

    public Builder scale(List<InteractionComponent> scale) {
      this.scale = scale;
      return this;
    }

    public Builder source(List<InteractionComponent> source) {
      this.source = source;
      return this;
    }

    public Builder target(List<InteractionComponent> target) {
      this.target = target;
      return this;
    }

    public Builder steps(List<InteractionComponent> steps) {
      this.steps = steps;
      return this;
    }

    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    public ActivityDefinition build() {
      return new ActivityDefinition(
          name,
          description,
          type,
          moreInfo,
          interactionType,
          correctResponsesPattern,
          choices,
          scale,
          source,
          target,
          steps,
          extensions);
    }
  }
}
