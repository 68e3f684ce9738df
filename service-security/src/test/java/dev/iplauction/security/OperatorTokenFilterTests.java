package dev.iplauction.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class OperatorTokenFilterTests {

    private static final String TOKEN = "operator-token-for-tests-0123456789";

    private final OperatorTokenFilter filter =
            new OperatorTokenFilter(TOKEN, List.of("/api/logs/**", "POST /api/replay/**"));

    private int status(String method, String path, String authorization) throws Exception {
        var request = new MockHttpServletRequest(method, path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return chain.getRequest() == null ? response.getStatus() : 200;
    }

    @Test
    void protectedPathsNeedTheToken() throws Exception {
        assertThat(status("GET", "/api/logs", null)).isEqualTo(401);
        assertThat(status("GET", "/api/logs/tail", "Bearer wrong")).isEqualTo(401);
        assertThat(status("GET", "/api/logs", "Basic " + TOKEN)).isEqualTo(401);
        assertThat(status("GET", "/api/logs", "Bearer " + TOKEN)).isEqualTo(200);
        assertThat(status("POST", "/api/replay/ABCD12", null)).isEqualTo(401);
        assertThat(status("POST", "/api/replay/ABCD12", "bearer " + TOKEN)).isEqualTo(200);
    }

    @Test
    void otherPathsAndMethodsStayOpen() throws Exception {
        assertThat(status("GET", "/actuator/health", null)).isEqualTo(200);
        assertThat(status("GET", "/api/replay/ABCD12/timeline", null)).isEqualTo(200);
    }
}
