package dev.iplauction.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemResponsesTests {

    @Test
    void aProblemCarriesItsReasonAsTypeTitleAndProperty() {
        ProblemDetail problem = ProblemResponses.problem(
                HttpStatus.CONFLICT, "highest-bidder", "MI already holds the highest bid on lot 7");

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo(URI.create("/problems/highest-bidder"));
        assertThat(problem.getTitle()).isEqualTo("Highest bidder");
        assertThat(problem.getDetail()).isEqualTo("MI already holds the highest bid on lot 7");
        assertThat(problem.getProperties()).containsEntry(ProblemResponses.REASON, "highest-bidder");
    }
}
