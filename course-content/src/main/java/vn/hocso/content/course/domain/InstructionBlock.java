package vn.hocso.content.course.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Step-by-step instructions ("open the bank app, tap QR, …"), each step with a screenshot. */
@Entity
@DiscriminatorValue("INSTRUCTION")
public class InstructionBlock extends ContentBlock {

  @Column(length = 500)
  private String caption;

  @ElementCollection
  @CollectionTable(name = "instruction_step", joinColumns = @JoinColumn(name = "block_id"))
  @OrderColumn(name = "position")
  private List<InstructionStep> steps = new ArrayList<>();

  protected InstructionBlock() {
    // for JPA
  }

  /** Instructions under a heading such as "Chuyển tiền bằng mã QR". */
  public InstructionBlock(String heading, List<InstructionStep> steps) {
    this.caption = Text.required(heading, 500, "An instruction's heading");
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException("An instruction has at least one step");
    }
    if (steps.size() > 50) {
      throw new IllegalArgumentException("An instruction has at most 50 steps");
    }
    this.steps = new ArrayList<>(steps);
  }

  @Override
  ContentBlock copy() {
    return new InstructionBlock(caption, steps);
  }

  @Override
  public Set<String> mediaReferences() {
    var references = new LinkedHashSet<String>();
    for (var step : steps) {
      if (step.screenshot() != null) {
        references.add(step.screenshot());
      }
    }
    return references;
  }

  public String heading() {
    return caption;
  }

  public List<InstructionStep> steps() {
    return List.copyOf(steps);
  }
}
