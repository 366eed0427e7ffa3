package dev.cloakroom.spring.boot;

import dev.cloakroom.Session;
import dev.cloakroom.servlet.Sessions;
import jakarta.servlet.ServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives a controller method's {@link Session} parameter the request's Cloakroom session. */
final class SessionArgumentConfigurer implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SessionArgumentResolver());
    }

    /** Resolves {@link Session} parameters with {@link Sessions#of}. */
    static final class SessionArgumentResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Session.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
            ServletRequest request = webRequest.getNativeRequest(ServletRequest.class);
            if (request == null) {
                throw new IllegalStateException("a Session argument needs a servlet request");
            }
            return Sessions.of(request);
        }
    }
}
