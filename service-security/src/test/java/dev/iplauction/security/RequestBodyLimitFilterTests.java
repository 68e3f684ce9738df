package dev.iplauction.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTests {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(10);

    /** A request that says nothing of its length, as a chunked one does. */
    private static final class Chunked extends MockHttpServletRequest {
        Chunked(byte[] body) {
            super("POST", "/api/auctions");
            setContent(body);
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedWithoutReadingTheBody() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/auctions");
        request.setContent(new byte[11]);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("never reaches the service").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"reason\":\"request-too-large\"")
                .contains("the request body is 11 bytes; at most 10 are accepted");
    }

    @Test
    void aBodyAtTheCapPassesUntouched() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/auctions");
        request.setContent(new byte[10]);
        var chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void aChunkedBodyFailsAtTheFirstByteOverTheCap() throws Exception {
        var chain = new MockFilterChain();
        filter.doFilter(new Chunked(new byte[100]), new MockHttpServletResponse(), chain);
        ServletRequest passed = chain.getRequest();

        byte[] buffer = new byte[8];
        var in = passed.getInputStream();
        assertThat(in.read(buffer)).isEqualTo(8);
        assertThat(in.read()).isZero();
        assertThat(in.read()).isZero();
        assertThatIOException().isThrownBy(in::read).withMessageContaining("over 10 bytes");
    }

    @Test
    void aSmallChunkedBodyReadsWhole() throws Exception {
        var chain = new MockFilterChain();
        filter.doFilter(new Chunked("{\"a\":1}".getBytes()), new MockHttpServletResponse(), chain);

        assertThat(new String(chain.getRequest().getInputStream().readAllBytes()))
                .isEqualTo("{\"a\":1}");
    }

    @Test
    void aCapBelowOneByteIsAConfigurationError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestBodyLimitFilter(0))
                .withMessageContaining("http.max-request-body");
    }
}
