package org.roundtable.plugins.peerchallenge.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.roundtable.api.security.GuestAccess;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.web.Download;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;
import org.roundtable.plugins.peerchallenge.application.Library;
import org.roundtable.plugins.peerchallenge.domain.ChallengeDocument;

/**
 * {@code /{council}/peer-challenge/documents/{challenge}/{document}}: a document of a challenge's
 * library, always as a download, for everyone who may see the challenge (its host's coordinators
 * included). Not a controller: a controller's response is a view, never a file.
 */
@RequestScoped
public class DocumentPages {

  @Inject Library library;

  @GET
  @Path("{id}/{document}")
  @RequiresPermission(PeerChallengePlugin.READ)
  @GuestAccess(resource = PeerChallengePlugin.GUEST_CHALLENGES, pathParam = "id")
  public Response document(@PathParam("id") String id, @PathParam("document") String document) {
    ChallengeDocument found =
        library.document(
            PageChoices.challengeId(id), PageChoices.fromAddress(document, "This document"));
    return Download.attachment(found.content(), found.contentType(), found.fileName());
  }
}
