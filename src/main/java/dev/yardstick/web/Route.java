package dev.yardstick.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One entry of the route table. */
public record Route(HandlerType method, String path, Access access, Handler handler) {}
