package vn.hocso.content.course.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One step of an instruction: what to do, and optionally a screenshot of the phone screen. */
@Embeddable
public class InstructionStep {

  @Column(name = "instruction", nullable = false, length = 2000)
  private String instruction;

  @Column(name = "screenshot")
  private String screenshot;

  protected InstructionStep() {
    // for JPA
  }

  public InstructionStep(String instruction, String screenshot) {
    this.instruction = Text.required(instruction, 2000, "A step's instruction");
    this.screenshot =
        screenshot == null ? null : Text.mediaReference(screenshot, "A step's screenshot");
  }

  public String instruction() {
    return instruction;
  }

  /** The screenshot under media/, or null. */
  public String screenshot() {
    return screenshot;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InstructionStep step
        && step.instruction.equals(instruction)
        && Objects.equals(step.screenshot, screenshot);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instruction, screenshot);
  }

  @Override
  public String toString() {
    return "InstructionStep[" + instruction + ", " + screenshot + "]";
  }
}
