package vn.hocso.lms.units.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.primefaces.PrimeFaces;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.Reorganisation;
import vn.hocso.lms.units.control.UnitDetails;
import vn.hocso.lms.units.control.UnitDirectory;
import vn.hocso.lms.units.control.UnitRow;
import vn.hocso.lms.units.domain.UnitKind;
import vn.hocso.lms.web.FormFeedback;
import vn.hocso.lms.web.Messages;

/**
 * The page of one unit: where it sits, its sub-units, its people count, its history with
 * predecessors and successors, and the reorganisation forms the officer's scope allows (create a
 * sub-unit; rename, move, merge into it, split, close it). Merge, split and close first show what
 * will happen (who moves where) and ask to confirm. Every change is checked again by {@link
 * Reorganisation}; the forms only spare her a refusal.
 */
@Named
@ViewScoped
public class UnitPageView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
  private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{5}");

  @Inject UnitDirectory directory;
  @Inject Reorganisation reorganisation;
  @Inject AccessScope access;
  @Inject Messages messages;

  private Long id;
  private UnitDetails details;
  private boolean mayReorganise;
  private boolean mayCreate;

  private String createName;
  private String createCode;
  private UnitKind createKind;
  private LocalDate createOn = today();

  private String renameName;
  private LocalDate renameOn = today();

  private UnitRow moveTarget;
  private LocalDate moveOn = today();

  private List<UnitRow> mergeSources = new ArrayList<>();
  private LocalDate mergeOn = today();
  private List<MergeLine> mergePreview = List.of();

  private final List<PartInput> parts = new ArrayList<>(List.of(new PartInput(), new PartInput()));
  private final Map<Long, Integer> subUnitParts = new HashMap<>();
  private Integer directPart = 0;
  private LocalDate splitOn = today();
  private List<SplitLine> splitPreview = List.of();
  private List<Reorganisation.SubUnitImpact> splitSubUnits = List.of();
  private long splitDirectPeople;

  private LocalDate closeOn = today();
  private Reorganisation.Impact closeImpact;

  /** What a source of a merge brings: people (all of its subtree) and open sub-units. */
  public record MergeLine(String name, long people, int subUnits) {}

  /** What one new unit of a split receives. */
  public record SplitLine(String name, long people, List<String> subUnits) {}

  /** A new unit of a split, as typed. */
  public static final class PartInput implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private String code;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }
  }

  /** Called by f:viewAction once the id parameter is set. */
  public void load() {
    if (id == null) {
      return;
    }
    reload();
  }

  private void reload() {
    var scope = access.managed();
    try {
      details = directory.details(id, scope);
    } catch (AccessDeniedException e) {
      details = null;
      mayReorganise = false;
      mayCreate = false;
      return;
    }
    boolean open = details.closedOn() == null;
    mayReorganise = open && reorganisation.mayReorganise(id, scope);
    mayCreate = open && reorganisation.mayCreateUnder(id, scope);
    if (renameName == null) {
      renameName = details.unit().name();
    }
    var kinds = getChildKinds();
    if (createKind == null && !kinds.isEmpty()) {
      createKind = kinds.get(0);
    }
  }

  private static LocalDate today() {
    return LocalDate.now(VIETNAM);
  }

  // --- Create, rename, move.

  public void create() {
    var code = blankToNull(createCode);
    if (!codeFits(createKind, code)) {
      return;
    }
    FormFeedback.attempt(
        messages,
        "reorg.created",
        () -> reorganisation.create(id, code, createName, createKind, createOn, access.managed()));
    createName = null;
    createCode = null;
    reload();
  }

  public void rename() {
    FormFeedback.attempt(
        messages,
        "reorg.renamed",
        () -> reorganisation.rename(id, renameName, renameOn, access.managed()));
    renameName = null;
    reload();
  }

  public void move() {
    if (moveTarget == null) {
      FormFeedback.error(messages.get("reorg.move.required"));
      return;
    }
    FormFeedback.attempt(
        messages,
        "reorg.moved",
        () -> reorganisation.move(id, moveTarget.id(), moveOn, access.managed()));
    moveTarget = null;
    reload();
  }

  /** Units she may put this one under: those of a kind it may sit below. */
  public List<UnitRow> completeParent(String typed) {
    var kind = details.unit().kind();
    var kinds = Arrays.stream(UnitKind.values()).filter(kind::mayBeChildOf).toList();
    return directory.searchOfKinds(typed, kinds, access.managed(), 20).stream()
        .filter(row -> row.id() != id)
        .toList();
  }

  // --- Merge others into this unit.

  /** Units of this unit's kind she may merge into it. */
  public List<UnitRow> completeMergeSource(String typed) {
    return directory
        .searchOfKinds(typed, List.of(details.unit().kind()), access.managed(), 20)
        .stream()
        .filter(row -> row.id() != id)
        .toList();
  }

  public void previewMerge() {
    if (mergeSources == null || mergeSources.isEmpty()) {
      FormFeedback.error(messages.get("reorg.merge.required"));
      return;
    }
    var lines = new ArrayList<MergeLine>();
    boolean ok =
        FormFeedback.attempt(
            messages,
            null,
            () -> {
              for (var source : mergeSources) {
                var impact = reorganisation.impact(source.id(), mergeOn, access.managed());
                lines.add(new MergeLine(source.name(), impact.people(), impact.subUnits().size()));
              }
            });
    mergePreview = lines;
    PrimeFaces.current().ajax().addCallbackParam("previewOk", ok);
  }

  public void merge() {
    var ids = mergeSources.stream().map(UnitRow::id).toList();
    if (FormFeedback.attempt(
        messages, "reorg.merged", () -> reorganisation.merge(ids, id, mergeOn, access.managed()))) {
      mergeSources = new ArrayList<>();
      mergePreview = List.of();
    }
    reload();
  }

  // --- Split this unit.

  /** Loads its sub-units and people so each can be given a part. */
  public void startSplit() {
    FormFeedback.attempt(
        messages,
        null,
        () -> {
          var impact = reorganisation.impact(id, splitOn, access.managed());
          splitSubUnits = impact.subUnits();
          splitDirectPeople = impact.directPeople();
          splitSubUnits.forEach(sub -> subUnitParts.putIfAbsent(sub.id(), 0));
        });
  }

  public void addPart() {
    parts.add(new PartInput());
  }

  public void removePart() {
    if (parts.size() > 2) {
      parts.remove(parts.size() - 1);
    }
  }

  public void previewSplit() {
    boolean ok = splitPartsValid();
    if (ok) {
      var lines = new ArrayList<SplitLine>();
      for (int i = 0; i < parts.size(); i++) {
        final int part = i;
        long people = part == partOr0(directPart) ? splitDirectPeople : 0;
        var names = new ArrayList<String>();
        for (var sub : splitSubUnits) {
          if (partOr0(subUnitParts.get(sub.id())) == part) {
            people += sub.people();
            names.add(sub.name());
          }
        }
        lines.add(new SplitLine(parts.get(part).getName().strip(), people, names));
      }
      splitPreview = lines;
    }
    PrimeFaces.current().ajax().addCallbackParam("previewOk", ok);
  }

  public void split() {
    if (!splitPartsValid()) {
      return;
    }
    var newParts =
        parts.stream()
            .map(p -> new Reorganisation.Part(blankToNull(p.getCode()), p.getName().strip()))
            .toList();
    var scope = access.managed();
    FormFeedback.attempt(
        messages,
        "reorg.split.done",
        () -> {
          var ofSubUnit = new HashMap<Long, Integer>();
          reorganisation
              .impact(id, splitOn, scope)
              .subUnits()
              .forEach(sub -> ofSubUnit.put(sub.id(), partOr0(subUnitParts.get(sub.id()))));
          var ofPerson = new HashMap<Long, Integer>();
          reorganisation
              .directPeople(id, scope)
              .forEach(person -> ofPerson.put(person.id(), partOr0(directPart)));
          reorganisation.split(id, newParts, ofSubUnit, ofPerson, splitOn, scope);
        });
    splitPreview = List.of();
    reload();
  }

  private boolean splitPartsValid() {
    var kind = details.unit().kind();
    var codes = new HashSet<String>();
    boolean valid = true;
    for (var part : parts) {
      if (part.getName() == null || part.getName().isBlank()) {
        FormFeedback.error(messages.get("reorg.split.nameRequired"));
        valid = false;
        break;
      }
      var code = blankToNull(part.getCode());
      if (!codeFits(kind, code) || (code != null && !codes.add(code))) {
        if (code != null && codes.contains(code)) {
          FormFeedback.error(messages.get("reorg.code.duplicate"));
        }
        valid = false;
        break;
      }
    }
    return valid;
  }

  private static int partOr0(Integer part) {
    return part == null ? 0 : part;
  }

  // --- Close.

  public void previewClose() {
    boolean ok =
        FormFeedback.attempt(
            messages,
            null,
            () -> closeImpact = reorganisation.impact(id, closeOn, access.managed()));
    PrimeFaces.current().ajax().addCallbackParam("previewOk", ok);
  }

  public void close() {
    FormFeedback.attempt(
        messages, "reorg.closed", () -> reorganisation.dissolve(id, closeOn, access.managed()));
    closeImpact = null;
    reload();
  }

  // --- Checks the form makes before the service, in Vietnamese.

  /** Provinces and communes need a new official code; the other kinds take none. */
  private boolean codeFits(UnitKind kind, String code) {
    if (kind == UnitKind.PROVINCE || kind == UnitKind.COMMUNE) {
      var pattern = kind == UnitKind.PROVINCE ? PROVINCE_CODE : COMMUNE_CODE;
      if (code == null || !pattern.matcher(code).matches()) {
        FormFeedback.error(messages.get("reorg.code." + kind));
        return false;
      }
      if (directory.codeInUse(code)) {
        FormFeedback.error(messages.get("reorg.code.inUse"));
        return false;
      }
    } else if (code != null) {
      FormFeedback.error(messages.get("reorg.code.none"));
      return false;
    }
    return true;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** The kinds a new sub-unit of this unit may have. */
  public List<UnitKind> getChildKinds() {
    if (details == null) {
      return List.of();
    }
    var kind = details.unit().kind();
    return Arrays.stream(UnitKind.values()).filter(child -> child.mayBeChildOf(kind)).toList();
  }

  public boolean isCodeNeeded() {
    return createKind == UnitKind.PROVINCE || createKind == UnitKind.COMMUNE;
  }

  public boolean isPartCodeNeeded() {
    return details != null && details.unit().kind().isTerritorial();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public UnitDetails getDetails() {
    return details;
  }

  public boolean isMayReorganise() {
    return mayReorganise;
  }

  public boolean isMayCreate() {
    return mayCreate;
  }

  public String getCreateName() {
    return createName;
  }

  public void setCreateName(String createName) {
    this.createName = createName;
  }

  public String getCreateCode() {
    return createCode;
  }

  public void setCreateCode(String createCode) {
    this.createCode = createCode;
  }

  public UnitKind getCreateKind() {
    return createKind;
  }

  public void setCreateKind(UnitKind createKind) {
    this.createKind = createKind;
  }

  public LocalDate getCreateOn() {
    return createOn;
  }

  public void setCreateOn(LocalDate createOn) {
    this.createOn = createOn;
  }

  public String getRenameName() {
    return renameName;
  }

  public void setRenameName(String renameName) {
    this.renameName = renameName;
  }

  public LocalDate getRenameOn() {
    return renameOn;
  }

  public void setRenameOn(LocalDate renameOn) {
    this.renameOn = renameOn;
  }

  public UnitRow getMoveTarget() {
    return moveTarget;
  }

  public void setMoveTarget(UnitRow moveTarget) {
    this.moveTarget = moveTarget;
  }

  public LocalDate getMoveOn() {
    return moveOn;
  }

  public void setMoveOn(LocalDate moveOn) {
    this.moveOn = moveOn;
  }

  public List<UnitRow> getMergeSources() {
    return mergeSources;
  }

  public void setMergeSources(List<UnitRow> mergeSources) {
    this.mergeSources = mergeSources == null ? new ArrayList<>() : new ArrayList<>(mergeSources);
  }

  public LocalDate getMergeOn() {
    return mergeOn;
  }

  public void setMergeOn(LocalDate mergeOn) {
    this.mergeOn = mergeOn;
  }

  public List<MergeLine> getMergePreview() {
    return mergePreview;
  }

  public List<PartInput> getParts() {
    return parts;
  }

  public Map<Long, Integer> getSubUnitParts() {
    return subUnitParts;
  }

  public Integer getDirectPart() {
    return directPart;
  }

  public void setDirectPart(Integer directPart) {
    this.directPart = directPart;
  }

  public LocalDate getSplitOn() {
    return splitOn;
  }

  public void setSplitOn(LocalDate splitOn) {
    this.splitOn = splitOn;
  }

  public List<SplitLine> getSplitPreview() {
    return splitPreview;
  }

  public List<Reorganisation.SubUnitImpact> getSplitSubUnits() {
    return splitSubUnits;
  }

  public long getSplitDirectPeople() {
    return splitDirectPeople;
  }

  /** The parts as choices: index and the name typed so far (or "Đơn vị mới 1"). */
  public List<Integer> getPartIndexes() {
    var indexes = new ArrayList<Integer>();
    for (int i = 0; i < parts.size(); i++) {
      indexes.add(i);
    }
    return indexes;
  }

  public LocalDate getCloseOn() {
    return closeOn;
  }

  public void setCloseOn(LocalDate closeOn) {
    this.closeOn = closeOn;
  }

  public Reorganisation.Impact getCloseImpact() {
    return closeImpact;
  }
}
