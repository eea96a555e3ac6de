package org.roundtable.plugins.training.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.plugins.training.TrainingPlugin;
import org.roundtable.plugins.training.application.Bookings;
import org.roundtable.plugins.training.application.Cpd;
import org.roundtable.plugins.training.application.Debriefs;
import org.roundtable.plugins.training.application.Evaluations;
import org.roundtable.plugins.training.application.Register;
import org.roundtable.plugins.training.application.Sessions;
import org.roundtable.plugins.training.domain.Booking;
import org.roundtable.plugins.training.domain.Debrief;
import org.roundtable.plugins.training.domain.Facilitator;

/**
 * {@code /api/v1/{council}/training/sessions/{id}}: a session, moved or cancelled by organisers
 * (everyone on it is told); its facilitators; booking it; its bookings and register, for its
 * facilitators and organisers.
 */
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @Inject Sessions sessions;
  @Inject Bookings bookings;
  @Inject Register register;
  @Inject Members members;
  @Inject SessionViews views;
  @Inject Evaluations evaluations;
  @Inject Cpd cpd;
  @Inject Debriefs debriefs;

  @GET
  @Path("{session}")
  @RequiresPermission(TrainingPlugin.BOOK)
  public SessionViews.SessionView get(@PathParam("session") String session) {
    return views.of(sessions.session(id(session)));
  }

  @PUT
  @Path("{session}")
  @RequiresPermission(TrainingPlugin.MANAGE)
  public SessionViews.SessionView move(
      @PathParam("session") String session,
      @NotNull(message = "send the session as JSON") @Valid SessionViews.SessionRequest request) {
    return views.of(sessions.move(id(session), request.place()));
  }

  @POST
  @Path("{session}/cancellation")
  @RequiresPermission(TrainingPlugin.MANAGE)
  public SessionViews.SessionView cancel(@PathParam("session") String session) {
    return views.of(sessions.cancel(id(session)));
  }

  /** A facilitator's part and time. */
  public record FacilitatorRequest(
      @NotNull(message = "choose their part: CO_DESIGNING, DELIVERING or SHARING_STORY")
          Facilitator.Part part,
      boolean expert,
      @Min(value = 0, message = "preparation cannot be negative")
          @Max(value = 960, message = "at most 16 hours of preparation")
          int preparationMinutes,
      @Min(value = 0, message = "a debrief cannot be negative")
          @Max(value = 240, message = "at most 4 hours of debrief")
          int debriefMinutes) {}

  /** A facilitator as everyone on the session sees them. */
  public record FacilitatorView(
      UUID memberId,
      String name,
      Facilitator.Part part,
      String partWords,
      boolean expert,
      long preparationMinutes,
      long debriefMinutes) {}

  @GET
  @Path("{session}/facilitators")
  @RequiresPermission(TrainingPlugin.BOOK)
  public List<FacilitatorView> facilitators(@PathParam("session") String session) {
    List<Facilitator> all = sessions.facilitators(id(session));
    Map<UUID, Members.Summary> names =
        members.findAll(all.stream().map(Facilitator::memberId).toList());
    return all.stream()
        .map(
            f ->
                new FacilitatorView(
                    f.memberId(),
                    names.containsKey(f.memberId())
                        ? names.get(f.memberId()).name()
                        : "Someone who has left",
                    f.part(),
                    f.part().words(),
                    f.expert(),
                    f.preparation().toMinutes(),
                    f.debrief().toMinutes()))
        .toList();
  }

  @PUT
  @Path("{session}/facilitators/{member}")
  @RequiresPermission(TrainingPlugin.MANAGE)
  public FacilitatorView facilitate(
      @PathParam("session") String session,
      @PathParam("member") String member,
      @NotNull(message = "send the facilitator as JSON") @Valid FacilitatorRequest request) {
    Facilitator f =
        sessions.facilitate(
            id(session),
            Ids.of(member, "This member"),
            request.part(),
            request.expert(),
            Duration.ofMinutes(request.preparationMinutes()),
            Duration.ofMinutes(request.debriefMinutes()));
    return new FacilitatorView(
        f.memberId(),
        members.find(f.memberId()).map(Members.Summary::name).orElse(""),
        f.part(),
        f.part().words(),
        f.expert(),
        f.preparation().toMinutes(),
        f.debrief().toMinutes());
  }

  /** A place asked for: one's own, or someone else's by someone who books for others. */
  public record BookingRequest(UUID memberId, boolean conductAccepted) {}

  /** A booking as its person, the facilitators and organisers see it. */
  public record BookingView(
      UUID id,
      UUID sessionId,
      UUID memberId,
      String name,
      Booking.Status status,
      Instant requestedAt,
      Instant offeredUntil,
      Boolean attended) {}

  @POST
  @Path("{session}/bookings")
  @RequiresPermission(TrainingPlugin.BOOK)
  public Response book(@PathParam("session") String session, BookingRequest request) {
    UUID who = request == null || request.memberId() == null ? bookings.me() : request.memberId();
    Booking booking = bookings.book(id(session), who, request != null && request.conductAccepted());
    return Response.status(Response.Status.CREATED).entity(view(booking)).build();
  }

  @GET
  @Path("{session}/bookings")
  @RequiresPermission(TrainingPlugin.BOOK)
  public List<BookingView> bookings(@PathParam("session") String session) {
    List<Booking> all = bookings.of(id(session));
    Map<UUID, Members.Summary> names =
        members.findAll(all.stream().map(Booking::memberId).toList());
    return all.stream().map(b -> view(b, names)).toList();
  }

  /** The register: for each booking with a place, whether they came. */
  public record RegisterRequest(
      @NotEmpty(message = "say for everyone with a place whether they came")
          Map<UUID, @NotNull Boolean> attended) {}

  @PUT
  @Path("{session}/register")
  @RequiresPermission(TrainingPlugin.BOOK)
  public SessionViews.SessionView takeRegister(
      @PathParam("session") String session,
      @NotNull(message = "send the register as JSON") @Valid RegisterRequest request) {
    return views.of(register.take(id(session), request.attended()));
  }

  /** An evaluation: confidence in each learning outcome before and after, and a few words. */
  public record EvaluationRequest(
      @NotEmpty(message = "rate your confidence in every learning outcome")
          List<Evaluations.@NotNull Confidence> ratings,
      @Size(max = 2000) String doingDifferently,
      @Size(max = 2000) String expertContribution) {}

  @POST
  @Path("{session}/evaluation")
  @RequiresPermission(TrainingPlugin.BOOK)
  public Response evaluate(
      @PathParam("session") String session,
      @NotNull(message = "send the evaluation as JSON") @Valid EvaluationRequest request) {
    evaluations.submit(
        id(session), request.ratings(), request.doingDifferently(), request.expertContribution());
    return Response.status(Response.Status.CREATED).build();
  }

  @GET
  @Path("{session}/evaluations")
  @RequiresPermission(TrainingPlugin.BOOK)
  public Evaluations.Results evaluations(@PathParam("session") String session) {
    return evaluations.ofSession(id(session));
  }

  /** One's reflection on a session, for one's CPD record. */
  public record ReflectionRequest(
      @NotBlank(message = "write your reflection") @Size(max = 4000) String reflection,
      boolean peerReflection) {}

  @PUT
  @Path("{session}/reflection")
  @RequiresPermission(TrainingPlugin.BOOK)
  public Response reflect(
      @PathParam("session") String session,
      @NotNull(message = "send the reflection as JSON") @Valid ReflectionRequest request) {
    cpd.reflect(id(session), request.reflection().strip(), request.peerReflection());
    return Response.noContent().build();
  }

  /** The debrief with an expert after the session. */
  public record DebriefRequest(
      @NotBlank(message = "say how it went for them") @Size(max = 4000) String howItWent,
      @Size(max = 4000) String whatToChange) {}

  /** The debrief as the expert and organisers read it. */
  public record DebriefView(String howItWent, String whatToChange, Instant writtenAt) {}

  @PUT
  @Path("{session}/debriefs/{member}")
  @RequiresPermission(TrainingPlugin.BOOK)
  public DebriefView debrief(
      @PathParam("session") String session,
      @PathParam("member") String member,
      @NotNull(message = "send the debrief as JSON") @Valid DebriefRequest request) {
    Debrief d =
        debriefs.write(
            id(session),
            Ids.of(member, "This debrief"),
            request.howItWent().strip(),
            request.whatToChange() == null ? null : request.whatToChange().strip());
    return new DebriefView(d.howItWent(), d.whatToChange(), d.writtenAt());
  }

  @GET
  @Path("{session}/debriefs/{member}")
  @RequiresPermission(TrainingPlugin.BOOK)
  public DebriefView readDebrief(
      @PathParam("session") String session, @PathParam("member") String member) {
    Debrief d = debriefs.read(id(session), Ids.of(member, "This debrief"));
    return new DebriefView(d.howItWent(), d.whatToChange(), d.writtenAt());
  }

  BookingView view(Booking b) {
    return view(b, members.findAll(List.of(b.memberId())));
  }

  static BookingView view(Booking b, Map<UUID, Members.Summary> names) {
    return new BookingView(
        b.id(),
        b.sessionId(),
        b.memberId(),
        names.containsKey(b.memberId()) ? names.get(b.memberId()).name() : "Someone who has left",
        b.status(),
        b.requestedAt(),
        b.offeredUntil(),
        b.attended());
  }

  private static UUID id(String session) {
    return Ids.of(session, "This session");
  }
}
