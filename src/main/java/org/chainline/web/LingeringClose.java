package org.chainline.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * Closes a connection the way HTTP asks a server to when it answers before reading the whole request (a 413 for a
 * body over the limit): it sends the answer and its own end of the stream, then reads and discards what the client
 * is still sending for a moment before it closes. Closing at once makes the client's operating system reset the
 * connection when more bytes arrive, and a reset can wipe the answer before the client reads it, so the client
 * would see a broken connection instead of the refusal.
 */
@Singleton
final class LingeringClose implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** How long, and how much, a closing connection goes on reading before it closes regardless. */
    static final long LINGER_MILLIS = 2_000;
    static final long LINGER_BYTES = 16L << 20;

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                if (role != ChannelRole.CONNECTION || !(channel instanceof SocketChannel)) {
                    return this;
                }
                return new NettyServerCustomizer() {
                    @Override
                    public void onInitialPipelineBuilt() {
                        channel.pipeline().addFirst("chainline-lingering-close", new Handler());
                    }
                };
            }
        });
        return event.getBean();
    }

    /** First in the pipeline: it sees every close on its way to the socket, and every byte before anything else. */
    private static final class Handler extends ChannelDuplexHandler {
        private boolean lingering;
        private long discarded;

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
            SocketChannel channel = (SocketChannel) ctx.channel();
            if (lingering || !channel.isActive() || channel.isOutputShutdown()) {
                ctx.close(promise);
                return;
            }
            lingering = true;
            channel.config().setAutoRead(true);
            // what was written goes first, then the end of our stream; the client, having read the answer, closes too
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
                if (!channel.isActive()) {
                    ctx.close(promise);
                    return;
                }
                channel.shutdownOutput().addListener(shut -> {
                    if (!shut.isSuccess()) {
                        ctx.close(promise);
                    }
                });
                ctx.executor().schedule(() -> {
                    if (!promise.isDone()) {
                        ctx.close(promise);
                    }
                }, LINGER_MILLIS, TimeUnit.MILLISECONDS);
            });
            ctx.channel().closeFuture().addListener(closed -> promise.trySuccess());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!lingering) {
                ctx.fireChannelRead(msg);
                return;
            }
            if (msg instanceof ByteBuf bytes) {
                discarded += bytes.readableBytes();
            }
            ReferenceCountUtil.release(msg);
            if (discarded > LINGER_BYTES) {
                ctx.close();
            }
        }
    }
}
