package dev.iplauction.auction.metrics;

import dev.iplauction.auction.house.AuctionEventLog;
import dev.iplauction.auction.web.LiveUpdates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hooks the meters onto the house without the house knowing: the event log is wrapped (an interface proxy, so any
 * method the log gains later passes straight through) and the live pages are counted by a gauge.
 */
@Configuration(proxyBeanMethods = false)
class HouseMetricsConfiguration {

    @Bean
    HouseMeters houseMeters(MeterRegistry registry) {
        return new HouseMeters(registry);
    }

    @Bean
    Gauge sseClients(MeterRegistry registry, LiveUpdates live) {
        return Gauge.builder("auction.sse.clients", live, LiveUpdates::subscribers)
                .description("Pages following an auction's live updates now")
                .register(registry);
    }

    /** Static, so that wrapping the log does not pull the meter registry into existence early. */
    @Bean
    static BeanPostProcessor meteredAuctionEventLog(ObjectProvider<HouseMeters> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof AuctionEventLog)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                // Looked up once: a bean factory lookup on every append (under the auction's lock) was 5% of the
                // house's CPU.
                AtomicReference<HouseMeters> found = new AtomicReference<>();
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    long start = System.nanoTime();
                    Object result = invocation.proceed();
                    if (invocation.getMethod().getName().equals("append")
                            && result instanceof CompletableFuture<?> written
                            && invocation.getArguments()[1] instanceof List<?> events) {
                        HouseMeters houseMeters = found.get();
                        if (houseMeters == null) {
                            houseMeters = meters.getIfAvailable();
                            found.set(houseMeters);
                        }
                        if (houseMeters != null) {
                            @SuppressWarnings("unchecked")
                            var typed = (List<dev.iplauction.contracts.auction.AuctionEvent>) events;
                            @SuppressWarnings("unchecked")
                            var future = (CompletableFuture<Void>) written;
                            houseMeters.appended(typed, future, start);
                        }
                    }
                    return result;
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }
}
